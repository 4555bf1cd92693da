import Foundation

/// JSON maps onto `TemplateValue` one to one, so data files need no intermediate model types.
extension TemplateValue: Codable {
    /// Decodes any JSON value; numbers become `Double`, as JSON has no integer type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TemplateValue].self) {
            self = .list(value)
        } else {
            self = .dictionary(try container.decode([String: TemplateValue].self))
        }
    }

    /// Encodes the value as the JSON it was read from (dictionary keys in no particular order).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .dictionary(let value): try container.encode(value)
        }
    }

    /// Why JSON text could not be read, and where.
    public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
        /// 1-based line, and column in characters.
        public var line: Int
        /// 1-based column, in characters.
        public var column: Int
        /// What is wrong with the text at that position.
        public var message: String

        /// `line:column: message`, for the caller to put after a path.
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// Reads JSON text (any top-level value, not only objects), in UTF-8.
    /// - Throws: the first problem, with its line and column.
    public init(json data: Data) throws(JSONError) {
        self = try JSONReader.read([UInt8](data))
    }
}
