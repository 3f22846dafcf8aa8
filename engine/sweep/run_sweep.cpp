#include "engine/sweep/run_sweep.hpp"

#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/stop.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/jobs/run_file.hpp"
#include "engine/random/streams.hpp"
#include "engine/sweep/sweep_file.hpp"

namespace kindest::sweep {
namespace {

// Rows buffered before a commit even when no flush is due: bounds memory, and a commit of
// thousands of rows costs about what one of a single row does.
constexpr std::size_t kCommitRows = 8192;

// The lines an interrupted point's own file leaves behind.
void remove_point_file(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove(path, ec);
  std::filesystem::remove(record::partial_path(path), ec);
}

std::vector<std::string> point_overrides(std::uint64_t seed, const Grid& grid, std::uint64_t point,
                                         std::uint64_t replicate, const std::string& output) {
  auto overrides = grid.overrides(point);
  overrides.push_back("run.seed=" + std::to_string(sweep_seed(seed, point, replicate)));
  overrides.push_back("run.output=" + output);
  return overrides;
}

}  // namespace

config::Config point_config(const config::Config& base, const Grid& grid, std::uint64_t point,
                            std::uint64_t replicate, const std::string& output) {
  return config::load_config_text(
      base.to_ini(), base.source(),
      point_overrides(base.unsigned_integer("run.seed"), grid, point, replicate, output));
}

std::string point_file(const std::string& output, std::uint64_t row) {
  char name[32];
  std::snprintf(name, sizeof name, "r%08llu.h5", static_cast<unsigned long long>(row));
  return output + ".points/" + name;
}

SweepResult run_sweep(const config::Config& base, const Grid& grid, const SweepOptions& options,
                      const jobs::PlayerResolver& resolve, const SweepProgress& progress,
                      const std::atomic<bool>* stop) {
  if (options.replicates < 1) throw ConfigError("sweep error: --replicates must be >= 1");
  const std::uint64_t total = grid.size() * options.replicates;
  // Everything checkable is checked before a file exists: the first point's whole config and
  // every job the grid names.
  const auto first = point_config(base, grid, 0, 0, point_file(options.output, 0));
  jobs::job_of(first);
  for (std::size_t d = 0; d < grid.dimensions().size(); ++d) {
    const auto& dim = grid.dimensions()[d];
    for (std::size_t k = 0; k < dim.keys.size(); ++k)
      if (dim.keys[k] == "run.job")
        for (const auto& v : dim.values) jobs::find_job(v[k], "in " + dim.source);
  }
  std::unique_ptr<SweepFile> file;
  if (options.resume) {
    check_resumable(options.output, base.to_ini(), base.source(), grid, options.replicates);
    file = std::make_unique<SweepFile>(options.output);
  } else {
    file = std::make_unique<SweepFile>(
        options.output, options.overwrite,
        record::FileMetadata{"sweep", base.unsigned_integer("run.seed"), base.to_ini()}, grid,
        options.replicates);
  }
  const std::string scratch = options.output + ".points";
  std::filesystem::create_directories(scratch);

  const std::string base_ini = base.to_ini();  // parsed again for every point, with its overrides
  const std::uint64_t seed = base.unsigned_integer("run.seed");
  SweepResult result;
  const std::uint64_t start = file->rows();
  result.skipped = start;
  std::atomic<std::uint64_t> next{start}, done{start}, failed{0};
  std::atomic<bool> interrupted{false};
  std::mutex finished_mutex, file_mutex;
  std::map<std::uint64_t, PointRow> finished;  // rows done but not yet in row order
  std::uint64_t frontier = start;              // the next row the file needs (file_mutex)
  jobs::FlushClock clock(base.real("record.flush_seconds"));

  // Moves the finished rows that continue the file into it, and commits when enough are
  // buffered or a flush is due (or `force`). One thread at a time; the others go on computing.
  auto drain = [&](bool force) {
    std::unique_lock file_lock(file_mutex, std::defer_lock);
    if (force)
      file_lock.lock();
    else if (!file_lock.try_lock())
      return;
    for (;;) {
      PointRow row;
      {
        std::lock_guard lock(finished_mutex);
        auto it = finished.find(frontier);
        if (it == finished.end()) break;
        row = std::move(it->second);
        finished.erase(it);
      }
      file->add(grid, std::move(row));
      ++frontier;
    }
    if (file->buffered_rows() > 0 &&
        (force || file->buffered_rows() >= kCommitRows || clock.due())) {
      file->commit();
      clock.flushed();
    }
  };

  auto run_row = [&](std::uint64_t n) {
    const std::uint64_t point = n / options.replicates;
    const auto replicate = static_cast<std::uint32_t>(n % options.replicates);
    const std::string path = point_file(options.output, n);
    const auto t0 = std::chrono::steady_clock::now();
    PointRow row{
        .point = point, .replicate = replicate, .seed = sweep_seed(seed, point, replicate)};
    try {
      const auto config = config::load_config_text(
          base_ini, base.source(), point_overrides(seed, grid, point, replicate, path));
      const auto& job = jobs::job_of(config);
      // Each point starts afresh (a leftover of a killed sweep is replaced); its job never
      // resumes: the point is redone whole, to the same bits.
      jobs::OutputOptions out;
      out.path = path;
      out.overwrite = true;
      out.discard = !options.keep_points;
      const jobs::JobContext context{.config = config,
                                     .output = out,
                                     .resolve = resolve,
                                     .progress = {},
                                     .stop = job.resumable ? stop : nullptr,
                                     .threads = 0};
      auto outcome = jobs::run_job(job, context);
      if (outcome.interrupted) {
        remove_point_file(path);
        return false;
      }
      row.summary = std::move(outcome.summary);
    } catch (const Interrupted&) {
      remove_point_file(path);
      return false;
    } catch (const ConfigError& e) {
      row.status = PointStatus::failed;
      row.error = e.what();
    } catch (const StrategyError& e) {
      row.status = PointStatus::failed;
      row.error = e.what();
    } catch (const ModelError& e) {
      row.status = PointStatus::failed;
      row.error = e.what();
    }
    if (row.status == PointStatus::failed) ++failed;
    if (!options.keep_points) remove_point_file(path);
    row.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    {
      std::lock_guard lock(finished_mutex);
      finished.emplace(n, std::move(row));
    }
    const auto d = ++done;
    if (progress) progress(d, total);
    return true;
  };

  const std::size_t workers = options.threads > 0
                                  ? options.threads
                                  : static_cast<std::size_t>(tbb::info::default_concurrency());
  tbb::task_arena arena(static_cast<int>(workers));
  arena.execute([&] {
    tbb::parallel_for(
        std::size_t{0}, workers,
        [&](std::size_t) {
          for (;;) {
            if (stop && stop->load()) {
              interrupted = true;
              return;
            }
            const std::uint64_t n = next++;
            if (n >= total) return;
            // Isolated: a worker waiting for its job's inner loops takes only their tasks,
            // never another worker's loop (which would hold this row back for the whole sweep).
            const bool finished_row = tbb::this_task_arena::isolate([&] { return run_row(n); });
            if (!finished_row) {
              interrupted = true;
              return;
            }
            drain(false);
          }
        },
        tbb::simple_partitioner());
  });
  drain(true);
  result.rows = file->rows();
  result.failed = failed;
  result.interrupted = interrupted || result.rows < total;
  if (!result.interrupted) {
    file->finish();
    std::error_code ec;
    if (!options.keep_points) std::filesystem::remove(scratch, ec);  // only when empty
  }
  return result;
}

}  // namespace kindest::sweep
