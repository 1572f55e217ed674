// A main() for the fuzz targets where libFuzzer is not available (g++ builds, the ASan build):
// feeds every file named on the command line, or found under a directory named there, to
// LLVMFuzzerTestOneInput once, in sorted order. ctest runs it over the regression corpus and the
// seed corpus, so an input the fuzzer once crashed on stays fixed in every build. A finding
// aborts (an uncaught exception, a sanitizer report), which fails the test.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_under(const std::vector<std::string>& roots) {
  std::vector<fs::path> inputs;
  for (const std::string& root : roots) {
    if (!fs::is_directory(root)) {
      inputs.emplace_back(root);
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root))
      if (entry.is_regular_file() && entry.path().filename().string()[0] != '.')
        inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<fs::path> inputs = inputs_under({argv + 1, argv + argc});
  if (inputs.empty()) {
    std::cerr << "replay: no inputs under the given paths\n";
    return 2;
  }
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      std::cerr << "replay: cannot read " << input << "\n";
      return 2;
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::cout << "replay: " << input.string() << " (" << bytes.size() << " bytes)\n" << std::flush;
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::cout << "replay: " << inputs.size() << " inputs, no finding\n";
  return 0;
}
