// The sweep file alone at scale: N rows (default 10^6) written through SweepFile as the runner
// writes them (row order, a commit every 8192 rows, then finish), each with the summary of a
// trivial two-player tournament (one table, 2 strategies x 4 measures); no job runs. Prints
// the write time per row, the file size and bytes per row.
//   build/bench/bench_sweep_file [ROWS=1000000] [DIR=/tmp]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "engine/record/hdf5_writer.hpp"
#include "engine/sweep/grid.hpp"
#include "engine/sweep/sweep_file.hpp"

using namespace kindest;

int main(int argc, char** argv) {
  const std::uint64_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const std::string dir = argc > 2 ? argv[2] : "/tmp";
  const std::string path = dir + "/bench_sweep_file_" + std::to_string(::getpid()) + ".h5";
  const auto grid = sweep::make_grid({"game.reward=1:3:" + std::to_string(rows)}, {}, "");
  const auto t0 = std::chrono::steady_clock::now();
  {
    sweep::SweepFile file(path, true, record::FileMetadata{"sweep", 1, "[run]\njob = tournament\n"},
                          grid, 1);
    for (std::uint64_t n = 0; n < rows; ++n) {
      sweep::PointRow row{
          .point = n, .replicate = 0, .seed = n * 2654435761u, .wall_seconds = 1e-4};
      jobs::SummaryTable t{.name = "ranking", .rows = {"Cooperator", "Defector"}};
      const double x = static_cast<double>(n);
      t.columns = {{.measure = "rank", .values = {1, 2}},
                   {.measure = "score", .values = {x, x + 1}},
                   {.measure = "score_per_turn", .values = {x / 3, x / 7}},
                   {.measure = "wins", .values = {0, 1}}};
      row.summary.tables.push_back(std::move(t));
      file.add(grid, std::move(row));
      if (file.buffered_rows() >= 8192) file.commit();
    }
    file.finish();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto bytes = std::filesystem::file_size(path);
  std::printf("rows %llu  write %.2f s (%.2f us/row)  file %.1f MB (%.0f bytes/row)\n",
              static_cast<unsigned long long>(rows), seconds,
              1e6 * seconds / static_cast<double>(rows), static_cast<double>(bytes) / 1e6,
              static_cast<double>(bytes) / static_cast<double>(rows));
  std::filesystem::remove(path);
  return 0;
}
