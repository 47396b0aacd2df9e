/// An option that may stand anywhere on the command line, before or after the subcommand (`-C DIR`,
/// `--color WHEN`), taken out of the arguments before ArgumentParser sees them.
struct GlobalOption {
    /// The spellings that take the value as the next argument (`-C`, `--workspace`).
    let names: [String]
    /// The spelling that also takes `NAME=VALUE` (`--workspace`).
    let long: String
    /// What the value is, for the message when it is missing (`a directory`).
    let valueDescription: String

    /// The arguments without this option, each value read as one of `Value`'s cases and handed to `apply`; a value
    /// that is none of them is refused, naming the allowed ones (`valueDescription`).
    func extract<Value: RawRepresentable>(
        from arguments: [String], as type: Value.Type, apply: (Value) -> Void
    ) -> Result<[String], WorkspaceError> where Value.RawValue == String {
        extract(from: arguments).flatMap { remaining, values in
            for text in values {
                guard let value = Value(rawValue: text) else {
                    return .failure(WorkspaceError(message: "\(long) takes \(valueDescription), not '\(text)'"))
                }
                apply(value)
            }
            return .success(remaining)
        }
    }

    /// The arguments without this option, and each value given, in order (nothing after `--` is looked at).
    func extract(from arguments: [String]) -> Result<(remaining: [String], values: [String]), WorkspaceError> {
        var remaining: [String] = []
        var values: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if names.contains(argument) {
                guard index + 1 < arguments.count else {
                    return .failure(WorkspaceError(message: "\(argument) needs \(valueDescription)"))
                }
                values.append(arguments[index + 1])
                index += 1
            } else if argument.hasPrefix(long + "=") {
                values.append(String(argument.dropFirst(long.count + 1)))
            } else if argument == "--" {
                remaining += arguments[index...]
                break
            } else {
                remaining.append(argument)
            }
            index += 1
        }
        return .success((remaining, values))
    }
}
