// harness/docker/container_config: what real mode asks Docker for, per container.
#include <catch2/catch.hpp>

#include "harness/docker/container_config.h"
#include "harness/docker/docker_client.h"

namespace {

sim::model::ContainerHealthCheck check(std::vector<std::string> command) {
  sim::model::ContainerHealthCheck c;
  c.command = std::move(command);
  return c;
}

}  // namespace

TEST_CASE("a health check the image cannot run goes to Docker unchanged, to fail there for real") {
  // Given seed 004's CMD-SHELL wget check and an image with neither sh nor wget, when configured,
  // then Docker gets the command as written, with every duration scaled (30 s at 0.05 = 1.5 s)
  // and the 5 s timeout at its floor of real time (250 ms scaled is under it: real_timeout.h).
  sim::model::AppProfile scratch;
  scratch.binaries = {};
  const auto hc = check({"CMD-SHELL", "wget --quiet --tries=1 --spider http://localhost:8081/health || exit 1"});
  const nlohmann::json j = harness::docker::health_check_config(hc, scratch, 0.05);
  CHECK(j["Test"] == nlohmann::json(hc.command));
  CHECK(j["Interval"] == 1'500'000'000);
  CHECK(j["Timeout"] == 2'000'000'000);
  CHECK(j["Retries"] == 3);
}

TEST_CASE("a health check the profile's image can run becomes the chaos app's probe of the same URL") {
  // Given an app profile whose image ships wget, when configured, then the check calls
  // /chaos probe on the command's port and path (the scratch image has no wget of its own).
  sim::model::AppProfile with_wget;
  with_wget.binaries = {"sh", "wget"};
  const auto hc = check({"CMD-SHELL", "wget -q --spider http://localhost:8081/health || exit 1"});
  const nlohmann::json j = harness::docker::health_check_config(hc, with_wget, 1.0);
  CHECK(j["Test"] == nlohmann::json({"CMD", "/chaos", "probe", "http://127.0.0.1:8081/health"}));
}

TEST_CASE("a container gets its memory limit without swap, its secrets, its profile and the run label") {
  // Given a 128 MiB container with a secret, when configured, then Memory and MemorySwap are both
  // 128 MiB, the secret is in the environment, and the run label is set.
  sim::model::ContainerDefinition def;
  def.name = "alia-bot";
  def.image = "alia-bot:cc44307";
  def.secrets = {"OPENAI_API_KEY"};
  sim::model::AppProfile profile;
  harness::docker::ContainerLaunch launch{&def, &profile, "{}", 128, "run-1", 3, 0.05, "", {}};
  const nlohmann::json j = harness::docker::container_config(launch);
  CHECK(j["HostConfig"]["Memory"] == 128LL << 20);
  CHECK(j["HostConfig"]["MemorySwap"] == 128LL << 20);
  CHECK(j["Labels"][harness::docker::kRunLabel] == "run-1");
  CHECK(j["Image"] == harness::docker::kChaosImage);
  const auto env = j["Env"].get<std::vector<std::string>>();
  CHECK(std::count(env.begin(), env.end(), std::string("OPENAI_API_KEY=") + harness::docker::kSecretPlaceholder) == 1);
  CHECK(std::count(env.begin(), env.end(), "DEPLOYSIM_APP_PROFILE={}") == 1);
  CHECK_FALSE(j.contains("Healthcheck"));

  // When the scenario gives the secret's value (secretValues), the container gets that value.
  launch.secret_values["OPENAI_API_KEY"] = "sk-test";
  const auto env_with_value = harness::docker::container_config(launch)["Env"].get<std::vector<std::string>>();
  CHECK(std::count(env_with_value.begin(), env_with_value.end(), "OPENAI_API_KEY=sk-test") == 1);
}
