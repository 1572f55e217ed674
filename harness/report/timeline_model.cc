#include "harness/report/timeline_model.h"

#include <algorithm>

#include <map>
#include <optional>
#include <set>

#include "harness/report/event_view.h"
#include "sim/ecs/deployment_bounds.h"
#include "sim/ecs/health_status.h"
#include "sim/world/container_plan.h"
#include "sim/world/simulated_world.h"

namespace harness::report {
namespace {

using sim::Millis;
using sim::observe::TraceEvent;
namespace ecs = sim::ecs;
namespace observe = sim::observe;

// A container whose memory we draw: from its start until it exits or its task stops.
struct OpenContainer {
  std::size_t track = 0;
  Millis started_at{0};
};

class Builder {
 public:
  Builder(const RunReportInput& in, TimelineModel& m, std::optional<std::uint32_t> under_test)
      : in_(in), m_(m), under_test_(under_test) {}

  void add(const TraceEvent& e);
  void finish();

 private:
  TaskLane& lane(std::uint32_t task);
  void set_state(TaskLane& l, Millis at, ecs::TaskState s);
  void step(Series& s, Millis at, double value);
  void start_memory(std::uint32_t task, std::size_t container, Millis started_at);
  void end_memory(std::uint32_t task, std::size_t container, Millis at);
  void launched(const TraceEvent& e, const observe::TaskLaunched& t);
  void stopped(const TraceEvent& e, const observe::TaskStopped& t);
  void container_exited(const TraceEvent& e, const observe::ContainerExited& x);
  void counted_healthy(const TraceEvent& e, const observe::TaskCountedHealthy& c);
  void target_changed(const TraceEvent& e, const observe::TargetHealthChanged& t);
  void container_health(const TraceEvent& e, const observe::ContainerHealthChanged& h);

  const RunReportInput& in_;
  TimelineModel& m_;
  std::optional<std::uint32_t> under_test_;  // the deployment under test; none in a steady-state run
  std::map<std::uint32_t, std::size_t> lane_of_;  // task -> index into m_.lanes
  std::set<std::uint32_t> counted_healthy_;
  std::map<std::uint32_t, int> healthy_targets_;  // task -> 1 while its target is healthy
  std::map<std::pair<std::uint32_t, std::size_t>, OpenContainer> open_;  // (task, container)
};

TaskLane& Builder::lane(std::uint32_t task) {
  const auto it = lane_of_.find(task);
  if (it != lane_of_.end()) return m_.lanes[it->second];
  // A task seen before its launch is one of the warm tasks the run starts with: the initial
  // revision, RUNNING from time 0 (sim/simulation.cc installs them without a launch event).
  lane_of_[task] = m_.lanes.size();
  TaskLane& l = m_.lanes.emplace_back();
  l.task = task;
  l.task_definition = in_.scenario.initial_task_definition;
  l.segments.push_back({Millis{0}, Millis{0}, ecs::TaskState::running});
  const auto& td = in_.scenario.task_definitions.at(static_cast<std::size_t>(l.task_definition));
  for (std::size_t c = 0; c < td.containers.size(); ++c)
    start_memory(task, c, Millis{0} - sim::world::kWarmTaskAge);
  return l;
}

void Builder::set_state(TaskLane& l, Millis at, ecs::TaskState s) {
  if (!l.segments.empty()) {
    if (l.segments.back().state == s) return;
    l.segments.back().to = at;
  }
  l.segments.push_back({at, at, s});
}

void Builder::step(Series& s, Millis at, double value) {
  if (!s.points.empty() && s.points.back().value == value) return;
  if (!s.points.empty() && s.points.back().at == at)
    s.points.back().value = value;
  else
    s.points.push_back({at, value});
}

void Builder::start_memory(std::uint32_t task, std::size_t container, Millis started_at) {
  const TaskLane& l = m_.lanes[lane_of_.at(task)];
  const auto& td = in_.scenario.task_definitions.at(static_cast<std::size_t>(l.task_definition));
  const auto& def = td.containers.at(container);
  MemoryTrack t;
  t.task = task;
  t.container = def.name;
  t.deployed_revision = l.deployed_revision;
  t.limit_mib = td.container_memory_limit_mib(def);
  open_[{task, container}] = {m_.memory.size(), started_at};
  m_.memory.push_back(std::move(t));
}

void Builder::end_memory(std::uint32_t task, std::size_t container, Millis at) {
  const auto it = open_.find({task, container});
  if (it == open_.end()) return;
  MemoryTrack& t = m_.memory[it->second.track];
  const Millis started = it->second.started_at;
  const auto& td = in_.scenario.task_definitions.at(static_cast<std::size_t>(m_.lanes[lane_of_.at(task)].task_definition));
  const auto& profile = in_.scenario.apps.at(td.containers.at(container).image);
  // The curve is linear between the profile's points, so those points, the two ends and a few
  // samples for a leak draw it exactly; it is cut at the limit, where the kernel kills it. A warm
  // task's container started before the run: its curve is drawn from time 0.
  const Millis from = std::max(started, Millis{0});
  std::set<Millis> at_times{from, at};
  for (const auto& p : profile.memory)
    if (started + p.at > from && started + p.at < at) at_times.insert(started + p.at);
  if (profile.leak_mib_per_hour > 0)
    for (int i = 1; i < 8; ++i) at_times.insert(from + (at - from) * i / 8);
  for (const Millis x : at_times) {
    double mib = sim::world::memory_at(profile, x - started);
    if (t.limit_mib > 0 && mib > t.limit_mib) mib = t.limit_mib;
    t.points.push_back({x, mib});
  }
  open_.erase(it);
}

void Builder::target_changed(const TraceEvent& e, const observe::TargetHealthChanged& t) {
  TaskLane& l = lane(t.task);
  const bool healthy = t.state == ecs::TargetState::healthy;
  if (t.state != ecs::TargetState::initial)
    l.marks.push_back({e.at, healthy ? MarkKind::target_healthy : MarkKind::target_unhealthy,
                       describe(e, in_.scenario).text});
  healthy_targets_[t.task] = healthy ? 1 : 0;
  std::map<int, int> by_revision;
  int total = 0;
  for (const auto& [task, up] : healthy_targets_) {
    by_revision[m_.lanes[lane_of_.at(task)].task_definition] += up;
    total += up;
  }
  const std::vector<int> revisions = revisions_in_play(in_.scenario);
  for (std::size_t i = 0; i < revisions.size() && i < m_.traffic_share.size(); ++i)
    step(m_.traffic_share[i], e.at, total == 0 ? 0.0 : 100.0 * by_revision[revisions[i]] / total);
  step(m_.no_healthy_target, e.at, total == 0 ? 1 : 0);
}

void Builder::container_health(const TraceEvent& e, const observe::ContainerHealthChanged& h) {
  if (h.status == ecs::HealthStatus::unknown) return;
  lane(h.task).marks.push_back({e.at,
                                h.status == ecs::HealthStatus::healthy ? MarkKind::container_healthy
                                                                       : MarkKind::container_unhealthy,
                                describe(e, in_.scenario).text});
}

void Builder::launched(const TraceEvent& e, const observe::TaskLaunched& t) {
  lane_of_[t.task] = m_.lanes.size();
  TaskLane& l = m_.lanes.emplace_back();
  l.task = t.task;
  l.deployment = t.deployment;
  l.task_definition = t.task_definition;
  l.deployed_revision = under_test_ && t.deployment == *under_test_;
  l.segments.push_back({e.at, e.at, ecs::TaskState::provisioning});
}

void Builder::stopped(const TraceEvent& e, const observe::TaskStopped& t) {
  // The trace reports STOPPED with the stop code and reason, not as a task_state event.
  TaskLane& l = lane(t.task);
  l.stop_summary = describe(e, in_.scenario).text;
  set_state(l, e.at, ecs::TaskState::stopped);
  const auto& td = in_.scenario.task_definitions.at(static_cast<std::size_t>(l.task_definition));
  for (std::size_t c = 0; c < td.containers.size(); ++c) end_memory(t.task, c, e.at);
}

void Builder::container_exited(const TraceEvent& e, const observe::ContainerExited& x) {
  TaskLane& l = lane(x.task);
  const bool oom = x.cause == sim::observe::ContainerExitCause::oom_killed;
  l.marks.push_back({e.at, oom ? MarkKind::oom_killed : MarkKind::exited, describe(e, in_.scenario).text,
                     (oom ? "OOM " : "exit ") + std::to_string(x.exit_code)});
  end_memory(x.task, static_cast<std::size_t>(x.container_index), e.at);
}

void Builder::counted_healthy(const TraceEvent& e, const observe::TaskCountedHealthy& c) {
  lane(c.task).marks.push_back({e.at, MarkKind::counted_healthy, describe(e, in_.scenario).text});
  if (c.healthy)
    counted_healthy_.insert(c.task);
  else
    counted_healthy_.erase(c.task);
  step(m_.healthy, e.at, static_cast<double>(counted_healthy_.size()));
}

void Builder::add(const TraceEvent& e) {
  if (const auto* t = e.as<observe::TaskLaunched>()) launched(e, *t);
  if (const auto* t = e.as<observe::TaskStateChanged>()) set_state(lane(t->task), e.at, t->state);
  if (const auto* t = e.as<observe::TaskStopped>()) stopped(e, *t);
  if (const auto* c = e.as<observe::ContainerStarted>()) {
    lane(c->task);
    start_memory(c->task, static_cast<std::size_t>(c->container_index), e.at);
  }
  if (const auto* x = e.as<observe::ContainerExited>()) container_exited(e, *x);
  if (const auto* h = e.as<observe::ContainerHealthChanged>()) container_health(e, *h);
  if (const auto* c = e.as<observe::TaskCountedHealthy>()) counted_healthy(e, *c);
  if (const auto* t = e.as<observe::TargetHealthChanged>()) target_changed(e, *t);
  if (e.as<observe::PlacementFailed>())
    m_.placement_failures.push_back({e.at, MarkKind::not_placed, describe(e, in_.scenario).text});
  if (const auto* b = e.as<observe::BreakerCounted>()) step(m_.breaker, e.at, static_cast<double>(b->failed_tasks));
}

void Builder::finish() {
  for (TaskLane& l : m_.lanes) l.segments.back().to = m_.end;
  std::vector<std::pair<std::uint32_t, std::size_t>> still_open;
  for (const auto& [key, open] : open_) still_open.push_back(key);
  for (const auto& [task, container] : still_open) end_memory(task, container, m_.end);
  // Every step series runs to the end of the run, so its last value is drawn as held.
  std::vector<Series*> series{&m_.healthy, &m_.breaker, &m_.no_healthy_target};
  for (Series& s : m_.traffic_share) series.push_back(&s);
  for (Series* s : series)
    if (!s->points.empty() && s->points.back().at < m_.end) s->points.push_back({m_.end, s->points.back().value});
}

}  // namespace

std::vector<int> revisions_in_play(const sim::model::Scenario& s) {
  std::vector<int> revisions{s.initial_task_definition};
  const auto add = [&](int td) {
    if (std::find(revisions.begin(), revisions.end(), td) == revisions.end()) revisions.push_back(td);
  };
  for (const sim::model::ServiceUpdate& u : s.timeline)
    if (u.task_definition && u.at <= s.deploy.at) add(*u.task_definition);
  if (!s.deploy.none) add(s.deploy.to_task_definition);
  for (const sim::model::ServiceUpdate& u : s.timeline)
    if (u.task_definition) add(*u.task_definition);
  return revisions;
}

namespace {

// The deployment the last deployment-starting UpdateService started: the one under test.
std::optional<std::uint32_t> deployment_under_test(const sim::observe::Trace& trace) {
  std::optional<std::uint32_t> id;
  for (const TraceEvent& e : trace.events())
    if (const auto* u = e.as<observe::ServiceUpdated>(); u && u->started) id = *u->started;
  return id;
}

// One group per deployment with a lane, named by the call that started it and its last state.
std::vector<DeploymentGroup> deployment_groups(const RunReportInput& in, const std::vector<TaskLane>& lanes,
                                               std::optional<std::uint32_t> under_test) {
  std::map<std::uint32_t, std::string> started, last, revision;
  revision[0] = in.scenario.task_definitions.at(static_cast<std::size_t>(in.scenario.initial_task_definition)).arn_name();
  started[0] = "running at the start";
  for (const TraceEvent& e : in.trace.events()) {
    if (const auto* u = e.as<observe::ServiceUpdated>(); u && u->started) {
      started[*u->started] = "started by " + u->origin + " at " + sim::format_seconds(e.at);
      if (u->task_definition)
        revision[*u->started] = in.scenario.task_definitions.at(static_cast<std::size_t>(*u->task_definition)).arn_name();
    }
    if (const auto* d = e.as<observe::DeploymentStateChanged>())
      last[d->deployment] = std::string(ecs::to_string(d->state)) + (d->rollback ? " (rollback)" : "") + " at " +
                            sim::format_seconds(e.at);
  }
  std::set<std::uint32_t> ids;
  for (const TaskLane& l : lanes) {
    ids.insert(l.deployment);
    if (!revision.count(l.deployment))
      revision[l.deployment] = in.scenario.task_definitions.at(static_cast<std::size_t>(l.task_definition)).arn_name();
  }
  std::vector<DeploymentGroup> groups;
  for (const std::uint32_t id : ids) {
    DeploymentGroup g;
    g.deployment = id;
    g.under_test = under_test && id == *under_test;
    g.label = "ecs-svc/" + std::to_string(id) + " · " + revision[id];
    if (started.count(id)) g.label += " · " + started[id];
    if (last.count(id)) g.label += " · last " + last[id];
    if (g.under_test) g.label += " · under test";
    groups.push_back(std::move(g));
  }
  return groups;
}

}  // namespace

TimelineModel build_timeline(const RunReportInput& in) {
  const auto& s = in.scenario;
  TimelineModel m;
  m.end = in.result.ended_at;
  m.desired_count = s.service.desired_count;
  const auto& dc = s.service.deployment;
  m.minimum_healthy_tasks = sim::ecs::task_bounds(s.service.desired_count, dc.minimum_healthy_percent, dc.maximum_percent).min_healthy_tasks;
  m.breaker_threshold = in.breaker_threshold;
  m.healthy.name = "tasks counting as healthy";
  m.breaker.name = "failed tasks counted";
  m.breaker.points.push_back({s.deploy.at, 0});
  m.no_healthy_target.name = "no healthy target";
  if (s.service.load_balancer) {
    for (const int td : revisions_in_play(s))
      m.traffic_share.push_back({s.task_definitions.at(static_cast<std::size_t>(td)).arn_name(), {}});
  }
  const std::optional<std::uint32_t> under_test = deployment_under_test(in.trace);
  Builder b(in, m, under_test);
  for (const TraceEvent& e : in.trace.events()) b.add(e);
  b.finish();
  m.deployments = deployment_groups(in, m.lanes, under_test);
  return m;
}

}  // namespace harness::report
