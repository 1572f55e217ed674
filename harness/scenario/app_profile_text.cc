#include "harness/scenario/app_profile_text.h"

#include "harness/scenario/document.h"
#include "harness/scenario/section_readers.h"

namespace harness::scenario {

sim::model::AppProfile read_app_profile_text(std::string_view json, const std::string& image,
                                             const std::vector<std::string>& dependency_names,
                                             const std::string& display_name) {
  const Document document(display_name, std::string(json), "");
  IgnoredFields ignored;
  return read_app_profile(Node(document, document.root(), "", ignored), image, dependency_names);
}

std::string app_profile_json(const std::string& path, const std::string& image) {
  const Document document = Document::from_file(path);
  IgnoredFields ignored;
  const Node root(document, document.root(), "", ignored);
  const nlohmann::json& apps = document.root().value("apps", nlohmann::json::object());
  const auto it = apps.is_object() ? apps.find(image) : apps.end();
  if (it == apps.end()) root.fail("an \"apps\" member for image " + image);
  return it->dump();
}

}  // namespace harness::scenario
