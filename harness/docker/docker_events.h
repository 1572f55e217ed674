// Follows the Docker engine's event stream (GET /events, filtered to one run's label) on the
// run's io_context and hands each container event — die (with its exit code), oom,
// health_status — to a callback, as it happens.
//
// When the stream ends under it (the engine restarted, a proxy cut it), it reopens the stream
// with `since=` the time of the last event it delivered, as `docker events --since` does: the
// engine replays the events it buffered from that time on (its last 256, engine-wide), so the
// ones that happened in the gap still arrive. The replay starts at that nanosecond inclusive, so
// events already delivered are dropped by time and (container, action). Since a long gap could
// outrun the engine's buffer, `on_reopened` is called after every reopening for the owner to
// reconcile with the containers' state (DockerWorld::reconcile). After kReopenAttempts failed
// attempts it gives up by throwing EngineUnreachable out of the io_context's run call.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>

#include "harness/docker/asio.h"
#include "harness/docker/docker_client.h"

namespace harness::docker {

struct ContainerEvent {
  std::string action;     // "die", "oom", "health_status: healthy", "start" ...
  std::string container;  // id
  int exit_code = -1;     // for "die"
  std::int64_t time_nano = 0;  // the engine's timestamp (timeNano)
};

// Which events a stream delivers once: what a replay after reopening brings again is dropped, and
// nothing else. The engine stamps each event (timeNano) where it happens and delivers the events
// of different containers from different goroutines, so live two containers' events may come out
// of their time order (two tasks stopped together: the one that died first is told second). A
// replay after reopening with since = the latest time delivered starts at that nanosecond
// inclusive, so only events of that very nanosecond can have been delivered already; an event
// older than the latest is new, never a replay. (Dropping those as replays lost a task's `die`:
// the task stayed STOPPING and the deploy never ended, issue 20's 5xx and latency flakes.)
class EventReplayFilter {
 public:
  // True the first time `e` is seen; false for a replay of an event delivered before.
  bool first_time(const ContainerEvent& e);
  // The latest time delivered: where a reopened stream starts (since, inclusive).
  std::int64_t latest_nano() const { return latest_nano_; }
  void start_at(std::int64_t time_nano) { latest_nano_ = time_nano; }

 private:
  std::int64_t latest_nano_ = 0;
  std::set<std::string> delivered_at_latest_;  // "container action" of the events at latest_nano_
};

// Attempts to reopen a stream that ended, 100 ms after it ended and then doubling: 6.3 s in all,
// enough for an engine's restart on an idle machine, and short enough to fail a run promptly.
inline constexpr int kReopenAttempts = 6;
inline constexpr std::chrono::milliseconds kFirstReopenPause{100};

class DockerEvents {
 public:
  // Connects and asks for the events of containers labelled kRunLabel=`run_id`, from now on.
  // Throws EngineUnreachable (or DockerError) when the engine does not answer.
  DockerEvents(asio::io_context& io, const DockerClient& docker, const std::string& run_id,
               std::function<void(const ContainerEvent&)> on_event, std::function<void()> on_reopened);
  ~DockerEvents();

  // Stops following (pending reads end quietly).
  void close();
  // How often the stream has been reopened after it ended.
  int reopened() const;
  // True from the stream's end until it is reopened (events may be on their way).
  bool reopening() const;

 private:
  struct Stream;
  std::shared_ptr<Stream> stream_;
};

// The filter of the `since` query parameter for an engine timestamp: "seconds.nanoseconds".
std::string since_parameter(std::int64_t time_nano);

}  // namespace harness::docker
