#include "harness/serve/control_endpoint.h"

#include <sstream>

#include "harness/report/event_view.h"
#include "harness/serve/ecs_error.h"
#include "harness/serve/ecs_state.h"
#include "harness/serve/pacer.h"
#include "harness/serve/request_body.h"
#include "harness/serve/service_shapes.h"

namespace harness::serve {
namespace {

constexpr double kMaxAdvanceSeconds = 86'400;

// The value of `key` in the query string of `target` ("/_deploysim/trace?cluster=c&service=s").
std::string query_value(const std::string& target, const std::string& key) {
  const auto query = target.find('?');
  if (query == std::string::npos) return "";
  std::istringstream pairs(target.substr(query + 1));
  for (std::string pair; std::getline(pairs, pair, '&');) {
    if (pair.rfind(key + "=", 0) == 0) return pair.substr(key.size() + 1);
  }
  return "";
}

nlohmann::json advance(EcsState& state, Pacer& pacer, const HttpRequest& request) {
  // Real containers live on the wall clock: their time cannot be skipped, only waited for.
  if (state.real())
    throw invalid_parameter("deploysim serve --real cannot advance time: its tasks are real Docker containers on the "
                            "wall clock, at " + (std::ostringstream() << pacer.time_scale()).str() +
                            " run seconds a wall second (--time-scale); wait instead, or serve without --real");
  RequestBody body(request.body());
  scenario::ObjectReader reader = body.object();
  const double seconds = reader.required("seconds").json().is_number() ? reader.required("seconds").json().get<double>() : -1;
  if (!(seconds > 0 && seconds <= kMaxAdvanceSeconds))
    reader.required("seconds").fail("a number of seconds in (0, 86400]");
  pacer.skip(state, sim::Millis{static_cast<std::int64_t>(seconds * 1000)});
  return {{"simulatedSeconds", static_cast<double>(state.now().count()) / 1000.0}};
}

nlohmann::json describe_state(EcsState& state, const Pacer& pacer, const ServerCounters& counters) {
  nlohmann::json services = nlohmann::json::array();
  for (const std::string& cluster : state.clusters()) {
    for (const ServedService* service : state.services(cluster)) {
      nlohmann::json rollouts = nlohmann::json::array();
      for (const auto& d : deployments_json(state, *service))
        rollouts.push_back({{"id", d["id"]}, {"status", d["status"]}, {"rolloutState", d["rolloutState"]}});
      nlohmann::json entry = {{"cluster", cluster}, {"service", service->name()},
                              {"status", to_string(service->status())}, {"deployments", rollouts},
                              {"simulating", service->simulating()}};
      if (service->real()) entry["realRun"] = service->run_id();  // its containers' label deploysim.run
      if (!service->stopped_reason().empty()) entry["stoppedReason"] = service->stopped_reason();
      services.push_back(std::move(entry));
    }
  }
  return {{"simulatedSeconds", static_cast<double>(state.now().count()) / 1000.0},
          {"timeScale", pacer.time_scale()},
          {"real", state.real()},
          {"services", services},
          {"requests", counters.requests},
          {"refusedTooLarge", counters.refused_too_large},
          {"refusedConnections", counters.refused_connections},
          {"unreadableRequests", counters.unreadable_requests},
          {"openConnections", counters.open_connections}};
}

std::string trace_lines(EcsState& state, const std::string& target) {
  const std::string cluster = state.cluster(query_value(target, "cluster"));
  ServedService* service = state.find_service(cluster, query_value(target, "service"));
  if (!service) throw service_not_found();
  std::string out;
  for (const sim::observe::TraceEvent& e : service->trace().events()) {
    nlohmann::json fields = report::describe(e, service->scenario()).fields;
    fields["t_ms"] = service->server_time(e.at).count();
    out += fields.dump() + "\n";
  }
  return out;
}

// The load balancer's view of the service's tasks, in the shape of ELBv2's DescribeTargetHealth:
// every task registered with the target group so far (state "unused" ones never were).
nlohmann::json target_health(EcsState& state, const std::string& target) {
  const std::string cluster = state.cluster(query_value(target, "cluster"));
  const ServedService* service = state.find_service(cluster, query_value(target, "service"));
  if (!service) throw service_not_found();
  nlohmann::json descriptions = nlohmann::json::array();
  const auto& records = service->controller().tasks().records();
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto id = static_cast<sim::ecs::TaskId>(i);
    if (records[i].target == sim::ecs::TargetState::unused) continue;
    nlohmann::json health = {{"State", std::string(sim::ecs::to_string(records[i].target))}};
    if (const std::string& reason = service->facts().task(id).target_reason; !reason.empty()) health["Reason"] = reason;
    descriptions.push_back({{"Target", {{"Id", task_id_of(*service, id)}, {"Port", service->config().container_port_for_lb}}},
                            {"TargetHealth", health}});
  }
  return {{"TargetHealthDescriptions", descriptions}};
}

}  // namespace

HttpResponse handle_control(EcsState& state, Pacer& pacer, const HttpRequest& request, const ServerCounters& counters) {
  const std::string target(request.target());
  const std::string path = target.substr(0, target.find('?'));
  if (path == "/_deploysim/advance" && request.method() == http::verb::post)
    return json_response(200, advance(state, pacer, request).dump(), request.version(), request.keep_alive());
  if (path == "/_deploysim/state")
    return json_response(200, describe_state(state, pacer, counters).dump(), request.version(), request.keep_alive());
  if (path == "/_deploysim/target-health")
    return json_response(200, target_health(state, target).dump(), request.version(), request.keep_alive());
  if (path == "/_deploysim/trace") {
    HttpResponse response = json_response(200, trace_lines(state, target), request.version(), request.keep_alive());
    response.set(http::field::content_type, "application/x-ndjson");
    return response;
  }
  throw EcsError("UnknownOperationException",
                 "the control endpoint serves POST /_deploysim/advance, GET /_deploysim/state, "
                 "GET /_deploysim/trace?cluster=C&service=S and GET /_deploysim/target-health?cluster=C&service=S; "
                 "found " +
                     std::string(request.method_string()) + " " + path);
}

}  // namespace harness::serve
