// A small todo model + view model from "Modern concurrency in SwiftUI".
import Foundation
import SwiftUI

/// A single task in the list.
struct TodoItem: Identifiable, Codable, Hashable {
    let id: UUID
    var title: String
    var isDone: Bool = false
    var priority: Priority = .normal
    var due: Date?

    enum Priority: Int, Codable, CaseIterable, Comparable {
        case low = 0, normal, high, urgent = 0x0A

        static func < (lhs: Priority, rhs: Priority) -> Bool {
            lhs.rawValue < rhs.rawValue
        }
    }
}

/* Errors the API client can throw. */
enum TodoError: Error, LocalizedError {
    case badStatus(code: Int)
    case decoding(underlying: Error)

    var errorDescription: String? {
        switch self {
        case .badStatus(let code) where code >= 500:
            return "Server error (\(code))"
        case .badStatus(let code):
            return "Request failed with status \(code)"
        case .decoding(let err):
            return "Could not decode: \(err.localizedDescription)"
        }
    }
}

protocol TodoService {
    func fetchAll() async throws -> [TodoItem]
}

final class HTTPTodoService: TodoService {
    private let baseURL = URL(string: "https://api.example.com/v1/")!
    private let session: URLSession
    private let timeout: TimeInterval = 1.5e1

    init(session: URLSession = .shared) {
        self.session = session
    }

    func fetchAll() async throws -> [TodoItem] {
        var request = URLRequest(url: baseURL.appendingPathComponent("todos"))
        request.timeoutInterval = timeout
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            throw TodoError.badStatus(code: (response as? HTTPURLResponse)?.statusCode ?? -1)
        }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode([TodoItem].self, from: data)
        } catch {
            throw TodoError.decoding(underlying: error)
        }
    }
}

@MainActor
final class TodoListModel: ObservableObject {
    @Published private(set) var items: [TodoItem] = []
    @Published var errorMessage: String?
    private let service: any TodoService

    init(service: some TodoService) {
        self.service = service
    }

    var pending: [TodoItem] {
        items.filter { !$0.isDone }.sorted { $0.priority > $1.priority }
    }

    func reload() async {
        do {
            items = try await service.fetchAll()
        } catch {
            errorMessage = error.localizedDescription
        }
    }

    func toggle(_ item: TodoItem) {
        guard let index = items.firstIndex(where: { $0.id == item.id }) else { return }
        items[index].isDone.toggle()
    }
}

let banner = """
    Todo demo — 待办事项
    Items are loaded from \"api.example.com\".
    """
let ratio = 0.25 * Double(0b1010) + 1_000.0
print(banner, ratio)
