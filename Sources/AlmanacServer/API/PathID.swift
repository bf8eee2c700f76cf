import Hummingbird

extension RequestContext {
    /// The `:id` of the route as a positive whole number; a 400 problem otherwise.
    func pathID(_ name: String = "id") throws(Problem) -> Int64 {
        let text = parameters.get(name) ?? ""
        guard let id = Int64(text), id > 0 else {
            throw Problem.badParameter(name, "\(name) must be a positive whole number, not '\(text.prefix(40))'")
        }
        return id
    }
}
