#include "engine/sweep/run_sweep.hpp"

#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/stop.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/jobs/run_file.hpp"
#include "engine/random/streams.hpp"
#include "engine/sweep/row_message.hpp"
#include "engine/sweep/sweep_file.hpp"

namespace kindest::sweep {
namespace {

// Rows buffered before a commit even when no flush is due: bounds memory, and a commit of
// thousands of rows costs about what one of a single row does.
constexpr std::size_t kCommitRows = 8192;

// The messages between ranks (MPI tags). A rank asks rank 0 for rows (kAsk: how many it
// wants, and how many of its threads have nothing to run now), rank 0 grants a block of
// consecutive rows (kGrant: first, count; count 0 with first = the row count means no more, count
// 0 with an earlier first means "not now, ask when a thread is idle"), the rank sends each
// finished row back (kRow) and, when it has no more, says so (kDone). Setup and the final result
// travel by broadcast.
enum Tag : int { kAsk = 1, kGrant = 2, kRow = 3, kDone = 4 };

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

std::string two_numbers(std::uint64_t a, std::uint64_t b) {
  std::string s(2 * sizeof a, '\0');
  std::memcpy(s.data(), &a, sizeof a);
  std::memcpy(s.data() + sizeof a, &b, sizeof b);
  return s;
}

std::pair<std::uint64_t, std::uint64_t> read_two_numbers(const std::string& s) {
  std::uint64_t a = 0, b = 0;
  if (s.size() != 2 * sizeof a) throw FileError("sweep error: a bad message between ranks");
  std::memcpy(&a, s.data(), sizeof a);
  std::memcpy(&b, s.data() + sizeof a, sizeof b);
  return {a, b};
}

// Waits that grow while nothing happens (50 us to 1 ms): the thread that talks MPI polls, so
// that it never spins a core the points need, and still answers within a millisecond.
class Backoff {
 public:
  void idle() {
    std::this_thread::sleep_for(wait_);
    wait_ = std::min(wait_ * 2, std::chrono::microseconds(1000));
  }
  void active() { wait_ = std::chrono::microseconds(50); }

 private:
  std::chrono::microseconds wait_{50};
};

// One sweep on one rank. Every rank runs rows on its worker threads; rank 0 alone holds the file.
//
// Why rank 0 is the only writer (and not shards merged at the end, nor virtual datasets): a row
// is a few hundred bytes, so shipping it to rank 0 costs microseconds against the milliseconds
// to hours a point computes; one writer keeps the one crash-safe commit protocol of SweepFile
// (kill -9 of any rank at any moment leaves a file that --resume finishes to the same bits) and
// needs no merge step that could itself be interrupted, nor a parallel file system; and rows
// reach the file in row order however ranks and threads were scheduled.
//
// Which rank runs a row is decided at run time (rank 0 grants blocks of rows to whoever asks,
// in row order, smaller blocks as the end nears), because points differ in cost by orders of
// magnitude; it cannot change a bit of the result: a row's config and seed come from its index
// alone, and the file is written in row order.
class SweepRun {
 public:
  SweepRun(const config::Config& base, const Grid& grid, const SweepOptions& options,
           const jobs::PlayerResolver& resolve, const SweepProgress& progress,
           const std::atomic<bool>* stop, const Ranks* ranks)
      : base_(base),
        grid_(grid),
        options_(options),
        resolve_(resolve),
        progress_(progress),
        stop_(stop),
        ranks_(ranks),
        total_(grid.size() * options.replicates),
        base_ini_(base.to_ini()),
        seed_(base.unsigned_integer("run.seed")),
        workers_(options.threads > 0 ? options.threads
                                     : static_cast<std::size_t>(tbb::info::default_concurrency())),
        clock_(base.real("record.flush_seconds")) {}

  SweepResult run();

 private:
  bool many_ranks() const { return ranks_ && ranks_->size() > 1; }
  bool stopping() const { return interrupted_ || (stop_ && stop_->load()); }
  std::string fingerprint() const {
    return base_ini_ + "\n" + grid_.text() + "\n" + std::to_string(options_.replicates);
  }
  void open_file();
  std::optional<PointRow> run_row(std::uint64_t n);
  void compute(const std::function<std::optional<std::uint64_t>()>& take,
               const std::function<void(std::uint64_t, PointRow)>& deliver);
  void finished_row(std::uint64_t n, PointRow row);
  void drain(bool force);
  std::optional<std::uint64_t> take_local();
  SweepResult run_writer();
  SweepResult run_helper();
  void serve(int from, int tag);

  const config::Config& base_;
  const Grid& grid_;
  const SweepOptions& options_;
  const jobs::PlayerResolver& resolve_;
  const SweepProgress& progress_;
  const std::atomic<bool>* stop_;
  const Ranks* ranks_;
  const std::uint64_t total_;
  const std::string base_ini_;  // parsed again for every point, with its overrides
  const std::uint64_t seed_;
  const std::size_t workers_;

  std::unique_ptr<SweepFile> file_;
  std::uint64_t start_ = 0;
  std::atomic<std::uint64_t> next_{0}, done_{0}, failed_{0};
  std::atomic<bool> interrupted_{false};
  std::mutex finished_mutex_, file_mutex_;
  std::map<std::uint64_t, PointRow> finished_;  // rows done but not yet in row order
  std::uint64_t frontier_ = 0;                  // the next row the file needs (file_mutex_)
  jobs::FlushClock clock_;
  int ranks_done_ = 0;                         // other ranks that said kDone (rank 0's MPI thread)
  std::map<int, std::uint64_t> rank_workers_;  // each other rank's threads, from its asks
};

void SweepRun::open_file() {
  if (options_.resume) {
    check_resumable(options_.output, base_ini_, base_.source(), grid_, options_.replicates);
    file_ = std::make_unique<SweepFile>(options_.output);
  } else {
    file_ = std::make_unique<SweepFile>(options_.output, options_.overwrite,
                                        record::FileMetadata{"sweep", seed_, base_ini_}, grid_,
                                        options_.replicates);
  }
  std::filesystem::create_directories(options_.output + ".points");
  start_ = frontier_ = file_->rows();
  next_ = done_ = start_;
}

// The row's job on its own config; nullopt when a stop request interrupted it.
std::optional<PointRow> SweepRun::run_row(std::uint64_t n) {
  const std::uint64_t point = n / options_.replicates;
  const auto replicate = static_cast<std::uint32_t>(n % options_.replicates);
  const std::string path = point_file(options_.output, n);
  const auto t0 = std::chrono::steady_clock::now();
  PointRow row{.point = point, .replicate = replicate, .seed = sweep_seed(seed_, point, replicate)};
  try {
    const auto config = config::load_config_text(
        base_ini_, base_.source(), point_overrides(seed_, grid_, point, replicate, path));
    const auto& job = jobs::job_of(config);
    // Each point starts afresh (a leftover of a killed sweep is replaced); its job never
    // resumes: the point is redone whole, to the same bits.
    jobs::OutputOptions out;
    out.path = path;
    out.overwrite = true;
    out.discard = !options_.keep_points;
    const jobs::JobContext context{.config = config,
                                   .output = out,
                                   .resolve = resolve_,
                                   .progress = {},
                                   .stop = job.resumable ? stop_ : nullptr,
                                   .threads = 0};
    auto outcome = jobs::run_job(job, context);
    if (outcome.interrupted) {
      remove_point_file(path);
      return std::nullopt;
    }
    row.summary = std::move(outcome.summary);
  } catch (const Interrupted&) {
    remove_point_file(path);
    return std::nullopt;
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
  if (!options_.keep_points) remove_point_file(path);
  row.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return row;
}

// This rank's worker threads, each taking rows until there are none or a stop is requested.
// A job's own parallel loops (replicates, tournament pairs) run in the same arena, each point
// isolated so that a worker waiting inside a job never starts another point.
void SweepRun::compute(const std::function<std::optional<std::uint64_t>()>& take,
                       const std::function<void(std::uint64_t, PointRow)>& deliver) {
  tbb::task_arena arena(static_cast<int>(workers_));
  arena.execute([&] {
    tbb::parallel_for(
        std::size_t{0}, workers_,
        [&](std::size_t) {
          for (;;) {
            if (stopping()) {
              interrupted_ = true;
              return;
            }
            const auto n = take();
            if (!n) return;
            // Isolated: a worker waiting for its job's inner loops takes only their tasks,
            // never another worker's loop (which would hold this row back for the whole sweep).
            auto row = tbb::this_task_arena::isolate([&] { return run_row(*n); });
            if (!row) {
              interrupted_ = true;
              return;
            }
            if (row->status == PointStatus::failed) ++failed_;
            deliver(*n, std::move(*row));
          }
        },
        tbb::simple_partitioner());
  });
}

std::optional<std::uint64_t> SweepRun::take_local() {
  const std::uint64_t n = next_++;
  if (n >= total_) return std::nullopt;
  return n;
}

// On rank 0: a row from any rank joins the rows waiting for the file.
void SweepRun::finished_row(std::uint64_t n, PointRow row) {
  {
    std::lock_guard lock(finished_mutex_);
    finished_.emplace(n, std::move(row));
  }
  const auto d = ++done_;
  if (progress_) progress_(d, total_);
  drain(false);
}

// Moves the finished rows that continue the file into it, and commits when enough are buffered
// or a flush is due (or `force`). One thread at a time; the others go on computing.
void SweepRun::drain(bool force) {
  std::unique_lock file_lock(file_mutex_, std::defer_lock);
  if (force)
    file_lock.lock();
  else if (!file_lock.try_lock())
    return;
  for (;;) {
    PointRow row;
    {
      std::lock_guard lock(finished_mutex_);
      auto it = finished_.find(frontier_);
      if (it == finished_.end()) break;
      row = std::move(it->second);
      finished_.erase(it);
    }
    file_->add(grid_, std::move(row));
    ++frontier_;
  }
  if (file_->buffered_rows() > 0 &&
      (force || file_->buffered_rows() >= kCommitRows || clock_.due())) {
    file_->commit();
    clock_.flushed();
  }
}

// Rank 0's MPI thread answers one message.
void SweepRun::serve(int from, int tag) {
  const std::string bytes = ranks_->receive(from, tag);
  if (tag == kAsk) {
    const auto [want, idle] = read_two_numbers(bytes);
    rank_workers_[from] = want;
    std::uint64_t first = total_, count = 0;
    if (!stopping()) {
      // Guided blocks: at most what was asked for, at most half of the rest shared among the
      // ranks, so that near the end no rank sits on rows another could be running. In the tail
      // (no more rows left than threads in the job) a rank gets rows only for threads that are
      // idle now: a row queued ahead there would wait for its rank while another rank's thread
      // has nothing to do (16 equal points on 2 ranks went 9 to 7, a 1.78x ceiling).
      std::uint64_t threads = workers_;
      for (int r = 1; r < ranks_->size(); ++r) {
        const auto it = rank_workers_.find(r);
        threads += it == rank_workers_.end() ? workers_ : it->second;
      }
      std::uint64_t cur = next_.load();
      while (cur < total_) {
        const std::uint64_t rest = total_ - cur;
        const std::uint64_t share =
            std::max<std::uint64_t>(1, rest / (2 * static_cast<std::uint64_t>(ranks_->size())));
        count = rest <= threads ? std::min(idle, rest) : std::min(want, share);
        if (count == 0) {
          first = cur;  // not now
          break;
        }
        if (next_.compare_exchange_weak(cur, cur + count)) {
          first = cur;
          break;
        }
        count = 0;
      }
    }
    ranks_->send(from, kGrant, two_numbers(first, count));
  } else if (tag == kRow) {
    auto row = decode_row(bytes);
    const std::uint64_t n = row.point * options_.replicates + row.replicate;
    if (row.status == PointStatus::failed) ++failed_;
    finished_row(n, std::move(row));
  } else if (tag == kDone) {
    ++ranks_done_;
  } else {
    throw FileError("sweep error: an unknown message (tag " + std::to_string(tag) + ") from rank " +
                    std::to_string(from));
  }
}

// Rank 0 (or the only rank): opens the file, runs rows on its threads, and with other ranks
// answers them on this thread meanwhile; writes every row in row order.
SweepResult SweepRun::run_writer() {
  std::string setup;  // "" or what went wrong, for the other ranks
  try {
    open_file();
  } catch (const std::exception& e) {
    if (many_ranks()) {
      setup = std::string(dynamic_cast<const ConfigError*>(&e) ? "c" : "f") + e.what();
      ranks_->broadcast(setup);
    }
    throw;
  }
  if (many_ranks()) {
    setup = "+" + fingerprint();
    ranks_->broadcast(setup);
  }
  auto take = [&] { return take_local(); };
  auto deliver = [&](std::uint64_t n, PointRow row) { finished_row(n, std::move(row)); };
  std::exception_ptr error;
  if (!many_ranks()) {
    compute(take, deliver);
  } else {
    std::atomic<bool> computed{false};
    std::thread workers([&] {
      try {
        compute(take, deliver);
      } catch (...) {
        error = std::current_exception();
        interrupted_ = true;  // no more rows for anyone
      }
      computed = true;
    });
    Backoff backoff;
    try {
      while (ranks_done_ < ranks_->size() - 1 || !computed) {
        int from = 0, tag = 0;
        if (ranks_->probe(from, tag)) {
          serve(from, tag);
          backoff.active();
        } else {
          backoff.idle();
        }
      }
    } catch (const std::exception& e) {
      // A rank's message this one cannot read: nothing sensible is left to wait for. The file
      // holds its last commit, which --resume continues.
      std::fprintf(stderr, "kindest: rank 0: %s; ending every rank\n", e.what());
      ranks_->abort(3);
    }
    workers.join();
  }
  drain(true);
  SweepResult result;
  result.rows = file_->rows();
  result.skipped = start_;
  result.failed = failed_;
  result.interrupted = interrupted_ || result.rows < total_;
  if (many_ranks()) {
    std::string outcome = std::to_string(result.rows) + " " + std::to_string(result.failed) + " " +
                          (result.interrupted ? "1" : "0") + " " + (error ? "1" : "0");
    ranks_->broadcast(outcome);
  }
  if (error) std::rethrow_exception(error);
  if (!result.interrupted) {
    file_->finish();
    std::error_code ec;
    // Only when empty.
    if (!options_.keep_points) std::filesystem::remove(options_.output + ".points", ec);
  }
  return result;
}

// Any other rank: asks rank 0 for blocks of rows, runs them on its threads, sends each back.
SweepResult SweepRun::run_helper() {
  std::string setup;
  ranks_->broadcast(setup);
  if (setup.empty() || setup[0] == 'c') throw ConfigError(setup.empty() ? "" : setup.substr(1));
  if (setup[0] == 'f') throw FileError(setup.substr(1));
  if (setup.substr(1) != fingerprint()) {
    std::fprintf(stderr,
                 "kindest: rank %d: this rank's config, grid or replicates differ from rank "
                 "0's (every rank must run the same command); ending every rank\n",
                 ranks_->rank());
    ranks_->abort(2);
  }
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<std::uint64_t> granted;  // rows to run here, in row order
  bool closed = false;                // no more grants
  std::vector<std::string> outbox;    // finished rows for rank 0
  std::size_t running = 0;            // rows this rank's threads are running
  auto take = [&]() -> std::optional<std::uint64_t> {
    std::unique_lock lock(mutex);
    ready.wait(lock, [&] { return closed || !granted.empty() || stopping(); });
    if (granted.empty() || stopping()) return std::nullopt;
    const auto n = granted.front();
    granted.pop_front();
    ++running;
    return n;
  };
  auto deliver = [&](std::uint64_t, PointRow row) {
    auto bytes = encode_row(row);
    std::lock_guard lock(mutex);
    outbox.push_back(std::move(bytes));
    --running;
  };
  std::exception_ptr error;
  std::atomic<bool> computed{false};
  std::thread workers([&] {
    try {
      compute(take, deliver);
    } catch (...) {
      error = std::current_exception();
      interrupted_ = true;
    }
    computed = true;
  });
  bool asked = false, exhausted = false;
  bool later = false;  // rank 0 said "not now": ask again only for an idle thread
  Backoff backoff;
  for (;;) {
    bool active = false;
    const bool all_computed = computed.load();  // before the outbox: then it holds every row
    std::vector<std::string> send;
    {
      std::lock_guard lock(mutex);
      send.swap(outbox);
    }
    for (const auto& bytes : send) ranks_->send(0, kRow, bytes);
    active = !send.empty();
    if (all_computed && !asked) break;
    if (!asked && !exhausted && !stopping()) {
      std::lock_guard lock(mutex);
      const std::size_t busy = running + granted.size();
      const std::size_t idle = busy < workers_ ? workers_ - busy : 0;
      if (granted.size() < workers_ && (!later || idle > 0)) {
        ranks_->send(0, kAsk, two_numbers(workers_, idle));  // one block ahead of the threads
        asked = true;
        active = true;
      }
    }
    int from = 0, tag = 0;
    if (asked && ranks_->probe(from, tag)) {
      const auto [first, count] = read_two_numbers(ranks_->receive(0, kGrant));
      std::lock_guard lock(mutex);
      later = count == 0 && first < total_;
      if (count == 0 && !later) exhausted = true;
      for (std::uint64_t n = first; n < first + count; ++n) granted.push_back(n);
      asked = false;
      active = true;
    }
    if (!asked && (exhausted || stopping())) {
      std::lock_guard lock(mutex);
      closed = true;
    }
    ready.notify_all();
    if (active)
      backoff.active();
    else
      backoff.idle();
  }
  ranks_->send(0, kDone, {});
  workers.join();
  std::string outcome;
  ranks_->broadcast(outcome);
  if (error) std::rethrow_exception(error);
  SweepResult result;
  unsigned long long rows = 0, failed = 0;
  int interrupted = 0, rank0_error = 0;
  std::sscanf(outcome.c_str(), "%llu %llu %d %d", &rows, &failed, &interrupted, &rank0_error);
  if (rank0_error) throw FileError("sweep error: rank 0 failed (its message says why)");
  result.rows = rows;
  result.failed = failed;
  result.interrupted = interrupted != 0;
  return result;
}

SweepResult SweepRun::run() {
  if (many_ranks() && ranks_->rank() > 0) return run_helper();
  return run_writer();
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
                      const std::atomic<bool>* stop, const Ranks* ranks) {
  if (options.replicates < 1) throw ConfigError("sweep error: --replicates must be >= 1");
  // Everything checkable is checked before a file exists (on every rank alike): the first
  // point's whole config and every job the grid names.
  const auto first = point_config(base, grid, 0, 0, point_file(options.output, 0));
  jobs::job_of(first);
  for (std::size_t d = 0; d < grid.dimensions().size(); ++d) {
    const auto& dim = grid.dimensions()[d];
    for (std::size_t k = 0; k < dim.keys.size(); ++k)
      if (dim.keys[k] == "run.job")
        for (const auto& v : dim.values) jobs::find_job(v[k], "in " + dim.source);
  }
  return SweepRun(base, grid, options, resolve, progress, stop, ranks).run();
}

}  // namespace kindest::sweep
