#include "harness/scenario/file_reference.h"

#include <filesystem>
#include <string>

namespace harness::scenario {
namespace {

namespace fs = std::filesystem;

bool leaves(const fs::path& relative) {
  const fs::path normal = relative.lexically_normal();
  return relative.is_absolute() || relative.has_root_name() ||
         (!normal.empty() && *normal.begin() == "..");
}

// The lexical check misses a symbolic link pointing outside; compare the resolved paths too.
bool resolves_outside(const fs::path& base, const fs::path& target) {
  std::error_code error;
  const fs::path real_base = fs::weakly_canonical(base.empty() ? fs::path(".") : base, error);
  const fs::path real_target = fs::weakly_canonical(target, error);
  if (error) return false;  // nothing resolvable: the read below reports it
  return leaves(real_target.lexically_relative(real_base));
}

}  // namespace

bool is_file_reference(const Node& node) {
  return node.json().is_object() && node.json().contains("$file");
}

std::unique_ptr<Document> load_file_reference(const Node& node) {
  ObjectReader reference = node.as_object(UnknownKeys::reject);
  const Node file = reference.required("$file");
  reference.finish();

  const fs::path relative(file.as_name());
  const fs::path& base = node.document().base_dir();
  const fs::path target = (base / relative).lexically_normal();
  if (leaves(relative) || resolves_outside(base, target)) {
    file.fail("a relative path inside " +
              (base.empty() ? std::string("the current directory") : base.string()));
  }
  ReadFailure failure;
  std::optional<std::string> text = read_text_file(target, failure);
  if (!text) file.fail(failure.expected, file.json().dump() + " (" + failure.found + ")");
  return std::make_unique<Document>(target.string(), std::move(*text), target.parent_path(),
                                    /*included=*/true);
}

}  // namespace harness::scenario
