#include "harness/docker/docker_events.h"

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "harness/docker/chunked_lines.h"

namespace harness::docker {

std::string since_parameter(std::int64_t time_nano) {
  char text[40];
  std::snprintf(text, sizeof text, "%lld.%09lld", static_cast<long long>(time_nano / 1'000'000'000),
                static_cast<long long>(time_nano % 1'000'000'000));
  return text;
}

// After the header the stream is read raw, and its chunks undone into lines (chunked_lines.h).
struct DockerEvents::Stream : std::enable_shared_from_this<Stream> {
  Stream(asio::io_context& io, const DockerClient& d, std::string run, std::function<void(const ContainerEvent&)> f,
         std::function<void()> r)
      : socket(io), pause(io), docker(d), run_id(std::move(run)), on_event(std::move(f)), on_reopened(std::move(r)) {}

  asio::local::stream_protocol::socket socket;
  asio::steady_timer pause;  // before the next reopening attempt
  const DockerClient& docker;
  std::string run_id;
  std::function<void(const ContainerEvent&)> on_event;
  std::function<void()> on_reopened;
  char chunk[8192];
  ChunkedLines lines;
  bool closed = false;
  EventReplayFilter replays;
  int reopened = 0;
  bool reopening = false;
  int failed_attempts = 0;
  std::string ended_because;

  // Opens GET /events from the latest time delivered on (inclusive) and starts reading it.
  void open() {
    const nlohmann::json filters = {{"type", {"container"}}, {"label", {std::string(kRunLabel) + "=" + run_id}}};
    const OpenedStream opened = docker.open_stream("/events?since=" + since_parameter(replays.latest_nano()) +
                                                   "&filters=" + url_encode(filters.dump()));
    socket.assign(asio::local::stream_protocol(), opened.fd);
    lines.reset();
    decode(opened.first_bytes.data(), opened.first_bytes.size());
    read_more();
  }

  void decode(const char* data, std::size_t size) {
    for (const std::string& line : lines.feed(data, size)) take_line(line);
  }

  // One JSON object per line.
  void take_line(const std::string& line) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || j.value("Type", "") != "container") return;
    ContainerEvent e;
    e.action = j.value("Action", "");
    e.container = j.value("id", "");
    e.time_nano = j.value("timeNano", std::int64_t{0});
    const nlohmann::json attributes = j.value("Actor", nlohmann::json::object()).value("Attributes", nlohmann::json::object());
    if (attributes.contains("exitCode")) e.exit_code = std::stoi(attributes["exitCode"].get<std::string>());
    if (replays.first_time(e)) on_event(e);
  }

  void read_more() {
    socket.async_read_some(asio::buffer(chunk), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (self->closed) return;
      if (ec) return self->ended(ec.message());
      self->decode(self->chunk, n);
      self->read_more();
    });
  }

  void ended(const std::string& why) {
    beast::error_code ignored;
    socket.close(ignored);
    ended_because = why;
    reopening = true;
    failed_attempts = 0;
    try_reopen_later();
  }

  void try_reopen_later() {
    pause.expires_after(kFirstReopenPause * (1 << failed_attempts));
    pause.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || self->closed) return;
      self->try_reopen();
    });
  }

  void try_reopen() {
    try {
      open();
    } catch (const DockerError& e) {
      if (++failed_attempts < kReopenAttempts) return try_reopen_later();
      // Out of the io_context's run call: the run ends with this (real_run.h).
      const auto waited = kFirstReopenPause * ((1 << kReopenAttempts) - 1);
      throw EngineUnreachable("the Docker engine's event stream ended (" + ended_because + ") and could not be reopened (" +
                              std::to_string(kReopenAttempts) + " attempts over " + std::to_string(waited.count()) +
                              " ms; the last: " + e.what() + ")");
    }
    ++reopened;
    reopening = false;
    on_reopened();
  }
};

bool EventReplayFilter::first_time(const ContainerEvent& e) {
  if (e.time_nano < latest_nano_) return true;  // live, out of time order: a replay never goes back
  if (e.time_nano > latest_nano_) {
    latest_nano_ = e.time_nano;
    delivered_at_latest_.clear();
  }
  return delivered_at_latest_.insert(e.container + " " + e.action).second;
}

DockerEvents::DockerEvents(asio::io_context& io, const DockerClient& docker, const std::string& run_id,
                           std::function<void(const ContainerEvent&)> on_event, std::function<void()> on_reopened)
    : stream_(std::make_shared<Stream>(io, docker, run_id, std::move(on_event), std::move(on_reopened))) {
  // From now on, by the engine's clock — the same host's clock behind a unix socket.
  stream_->replays.start_at(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  stream_->open();
}

DockerEvents::~DockerEvents() { close(); }

void DockerEvents::close() {
  if (stream_->closed) return;
  stream_->closed = true;
  beast::error_code ignored;
  stream_->socket.close(ignored);
  stream_->pause.cancel();
}

int DockerEvents::reopened() const { return stream_->reopened; }
bool DockerEvents::reopening() const { return stream_->reopening; }

}  // namespace harness::docker
