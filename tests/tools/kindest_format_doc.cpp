// Regenerates the dataset tables of docs/FORMAT.md from the specs in the code:
//   kindest_format_doc docs/FORMAT.md        rewrites the file in place
//   kindest_format_doc                       prints every table
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/record/file_format.hpp"

int main(int argc, char** argv) {
  using namespace kindest::record;
  if (argc < 2) {
    for (const auto& name : format_table_names())
      std::cout << "<!-- generated: " << name << " -->\n"
                << format_table(name) << "<!-- end generated -->\n\n";
    return 0;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "kindest_format_doc: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  const std::string out = format_markdown(text.str());
  std::ofstream(argv[1]) << out;
  return 0;
}
