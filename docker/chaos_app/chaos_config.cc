#include "docker/chaos_app/chaos_config.h"

#include <cstdlib>
#include <sstream>

namespace chaos {

double time_scale_from_env() {
  const char* text = std::getenv(kTimeScaleVar);
  const double scale = text ? std::atof(text) : 1.0;
  return scale > 0 ? scale : 1.0;
}

std::chrono::microseconds scaled(sim::Millis profile_time, double scale) {
  return std::chrono::microseconds{static_cast<std::int64_t>(static_cast<double>(profile_time.count()) * 1000.0 * scale)};
}

bool parse_address(const std::string& text, Address& out) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  out.ip = text.substr(0, colon);
  if (out.ip == "localhost") out.ip = "127.0.0.1";
  out.port = std::atoi(text.c_str() + colon + 1);
  return !out.ip.empty() && out.port > 0;
}

std::map<std::string, Address> dependency_addresses_from_env() {
  std::map<std::string, Address> out;
  const char* text = std::getenv(kDependenciesVar);
  if (text == nullptr) return out;
  std::stringstream list(text);
  std::string item;
  while (std::getline(list, item, ',')) {
    const auto eq = item.find('=');
    Address a;
    if (eq != std::string::npos && parse_address(item.substr(eq + 1), a)) out[item.substr(0, eq)] = a;
  }
  return out;
}

}  // namespace chaos
