#include "background_job.hpp"

#include <chrono>
#include <system_error>
#include <utility>

namespace opsynth {

BackgroundJob::BackgroundJob(bool use_thread) {
  if (!use_thread) return;
  try {
    thread_ = std::thread([this] { run(); });
  } catch (const std::system_error&) {
    // No thread to be had (a container's limits): the jobs run in the caller, with the same results.
  }
}

BackgroundJob::~BackgroundJob() {
  if (!thread_.joinable()) return;
  await([this] { return state_.load(std::memory_order_acquire) == kIdle; });
  {
    std::lock_guard lock(mu_);
    state_.store(kStopping, std::memory_order_release);
  }
  changed_.notify_all();
  thread_.join();
}

template <class Done>
void BackgroundJob::await(Done done) {
  constexpr auto kSpin = std::chrono::microseconds(500);
  const auto until = std::chrono::steady_clock::now() + kSpin;
  for (int i = 1; !done(); ++i) {
    if (i % 64 != 0) continue;
    if (std::chrono::steady_clock::now() < until) {
      std::this_thread::yield();
      continue;
    }
    std::unique_lock lock(mu_);
    changed_.wait(lock, done);
    return;
  }
}

void BackgroundJob::start(std::function<void()> job) {
  wait();
  if (!thread_.joinable()) {
    job();
    return;
  }
  job_ = std::move(job);
  {
    std::lock_guard lock(mu_);  // so that a thread about to sleep on the condition sees it
    state_.store(kPending, std::memory_order_release);
  }
  changed_.notify_all();
}

void BackgroundJob::wait() {
  if (!thread_.joinable()) return;
  await([this] { return state_.load(std::memory_order_acquire) == kIdle; });
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void BackgroundJob::run() {
  while (true) {
    await([this] {
      int s = state_.load(std::memory_order_acquire);
      return s == kPending || s == kStopping;
    });
    if (state_.load(std::memory_order_acquire) == kStopping) return;
    state_.store(kRunning, std::memory_order_relaxed);
    try {
      job_();
    } catch (...) {
      error_ = std::current_exception();
    }
    job_ = nullptr;  // the job's captures go before the caller hears it is done
    {
      std::lock_guard lock(mu_);
      state_.store(kIdle, std::memory_order_release);
    }
    changed_.notify_all();
  }
}

}  // namespace opsynth
