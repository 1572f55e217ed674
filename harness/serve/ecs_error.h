// An error the ECS API answers with: HTTP 400 and {"__type": <type>, "message": <message>}, the
// shape botocore's JSON parser reads (it takes __type as the error code). The types are ECS's own
// (service-2.json lists them) plus the two every JSON 1.1 service shares for a request it cannot
// read at all: SerializationException (broken JSON) and UnknownOperationException.
#pragma once

#include <stdexcept>
#include <string>

namespace harness::serve {

struct EcsError : std::runtime_error {
  EcsError(std::string type, const std::string& message, int http_status = 400)
      : std::runtime_error(message), type(std::move(type)), http_status(http_status) {}

  std::string type;  // "InvalidParameterException", "ServiceNotFoundException" ...
  int http_status;   // 400 for every client error; 500 only for ServerException
};

// The errors used in more than one place, with ECS's wording where it is known.
inline EcsError invalid_parameter(const std::string& message) {
  return EcsError("InvalidParameterException", message);
}
inline EcsError client_error(const std::string& message) { return EcsError("ClientException", message); }
inline EcsError service_not_found() { return EcsError("ServiceNotFoundException", "Service not found."); }
inline EcsError cluster_not_found() { return EcsError("ClusterNotFoundException", "Cluster not found."); }

}  // namespace harness::serve
