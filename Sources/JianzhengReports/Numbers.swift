import Foundation

/// Number formatting shared by the renderers: grouped integers and fixed decimals, locale-independent.
public enum Numbers {
    /// `1234567.8` → `1,234,568`, for every finite value (no conversion to `Int`, which traps beyond 9.2 × 10¹⁸:
    /// accepted inputs multiply to more); `—` for infinity and NaN.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let rounded = value.rounded()
        // Below 10^15 a Double holds every integer exactly: Int's digits are the value's, and cheap to write.
        let magnitude = abs(rounded)
        let digits = magnitude < 1e15 ? String(Int(magnitude)) : String(format: "%.0f", magnitude)
        let count = digits.utf8.count
        var result = rounded < 0 ? "-" : ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (count - offset) % 3 == 0 { result += "," }
            result.append(character)
        }
        return result
    }

    /// A value with `places` decimals.
    public static func fixed(_ value: Double, _ places: Int = 1) -> String {
        String(format: "%.\(places)f", value)
    }

    /// A count or amount as a person writes it: `1` for one, `0.85` for a share, at most two decimals.
    public static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded() { return grouped(value) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A fraction as a percentage.
    public static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        return value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }
}
