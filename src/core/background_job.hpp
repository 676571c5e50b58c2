// One job at a time on a second thread, so that the caller can go on with the next step of a
// pipeline meanwhile (synthesize renders a stack while it validates the next; issue 8).
#pragma once

#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace opsynth {

class BackgroundJob {
 public:
  // Without a thread (one core, or nothing to overlap) start() runs each job at once, in the
  // caller: the same jobs in the same order, so the results are the same either way.
  explicit BackgroundJob(bool use_thread);
  ~BackgroundJob();  // waits for the current job and stops the thread; an error it threw is dropped
  BackgroundJob(const BackgroundJob&) = delete;
  BackgroundJob& operator=(const BackgroundJob&) = delete;

  // Waits for the previous job (rethrowing what it threw), then starts `job`.
  void start(std::function<void()> job);
  // Waits for the current job, if any; rethrows what it threw.
  void wait();

 private:
  enum State : int { kIdle, kPending, kRunning, kStopping };
  void run();
  // Waits until `done()` holds: spinning first, as a job takes a fraction of a millisecond and a
  // sleeping thread on a virtual machine takes about as long to wake; then on the condition.
  template <class Done>
  void await(Done done);

  std::mutex mu_;
  std::condition_variable changed_;
  std::atomic<int> state_ = kIdle;
  std::function<void()> job_;  // written by start() before kPending, read by the thread after
  std::exception_ptr error_;   // written by the thread before kIdle, read by wait() after
  std::thread thread_;         // last: started once the fields above exist
};

}  // namespace opsynth
