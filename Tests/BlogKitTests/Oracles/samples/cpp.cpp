// A tiny thread pool with futures, from "C++20 concurrency for the impatient".
#include <atomic>
#include <chrono>
#include <concepts>
#include <condition_variable>
#include <functional>
#include <future>
#include <iostream>
#include <mutex>
#include <queue>
#include <string_view>
#include <thread>
#include <vector>

namespace pool {

using namespace std::chrono_literals;

/// A fixed-size pool of worker threads.
class ThreadPool {
public:
    explicit ThreadPool(std::size_t n = std::thread::hardware_concurrency()) {
        workers_.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            workers_.emplace_back([this](std::stop_token st) { run(st); });
        }
    }

    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    ~ThreadPool() {
        for (auto& w : workers_) w.request_stop();
        cv_.notify_all();
    }

    template <typename F, typename... Args>
        requires std::invocable<F, Args...>
    [[nodiscard]] auto submit(F&& f, Args&&... args)
        -> std::future<std::invoke_result_t<F, Args...>> {
        using R = std::invoke_result_t<F, Args...>;
        auto task = std::make_shared<std::packaged_task<R()>>(
            std::bind(std::forward<F>(f), std::forward<Args>(args)...));
        auto fut = task->get_future();
        {
            std::scoped_lock lock{mu_};
            queue_.emplace([task] { (*task)(); });
        }
        cv_.notify_one();
        return fut;
    }

    std::size_t completed() const noexcept { return done_.load(std::memory_order_relaxed); }

private:
    void run(std::stop_token st) {
        while (!st.stop_requested()) {
            std::function<void()> job;
            {
                std::unique_lock lock{mu_};
                cv_.wait(lock, st, [this] { return !queue_.empty(); });
                if (queue_.empty()) return;
                job = std::move(queue_.front());
                queue_.pop();
            }
            job();
            ++done_;
        }
    }

    std::vector<std::jthread> workers_;
    std::queue<std::function<void()>> queue_;
    mutable std::mutex mu_;
    std::condition_variable_any cv_;
    std::atomic<std::size_t> done_{0};
};

} // namespace pool

constexpr unsigned long long fib(unsigned n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static_assert(fib(10) == 55ULL, "compile-time check");

int main() {
    using namespace std::string_view_literals;
    pool::ThreadPool tp{4};
    std::vector<std::future<unsigned long long>> results;

    for (unsigned n : {20u, 25u, 30u, 0x1Fu}) {
        results.push_back(tp.submit(fib, n));
    }
    auto greeting = tp.submit([](std::string_view who) { return std::string{"hi, "} + std::string{who}; }, "pool"sv);

    for (auto& r : results) std::cout << r.get() << '\n';
    std::cout << greeting.get() << "\t(done: " << tp.completed() << ")\n";

    constexpr double ratio = 6.02e23 / 1.0e20;
    const auto raw = R"(C:\temp\"quoted"\n)";
    std::cout << std::hex << 0xBEEF << std::dec << ' ' << ratio << ' ' << raw << std::endl;
    std::this_thread::sleep_for(10ms);
    return 0;
}
