#pragma once
// The MPI ranks of a sweep (`mpirun -n R kindest sweep ...`): this process's rank, the number of
// ranks, and the few messages run_sweep exchanges. Without an MPI launcher, or in a build without
// MPI (KINDEST_MPI=OFF), a process is rank 0 of 1 and nothing here touches MPI. Only the thread
// that made the Ranks may call its messaging (MPI_THREAD_FUNNELED): run_sweep keeps every MPI
// call on that thread and runs the points on others.
#include <string>
#include <string_view>

namespace kindest::sweep {

class Ranks {
 public:
  /// Joins the MPI job when an MPI launcher (mpirun, srun) started this process and the build has
  /// MPI; rank 0 of 1 otherwise. Throws ConfigError when a launcher started several ranks of a
  /// build without MPI (each would run the whole sweep).
  Ranks();
  ~Ranks();  // leaves the MPI job
  Ranks(const Ranks&) = delete;
  Ranks& operator=(const Ranks&) = delete;

  int rank() const noexcept { return rank_; }
  int size() const noexcept { return size_; }

  /// Blocking send of `bytes` with `tag`.
  void send(int to, int tag, std::string_view bytes) const;
  /// A message waiting for this rank (from any rank, any tag)? Does not block.
  bool probe(int& from, int& tag) const;
  /// Receives the message from `from` with `tag` (blocks until it is there).
  std::string receive(int from, int tag) const;
  /// Rank 0's `bytes` on every rank.
  void broadcast(std::string& bytes) const;
  /// Ends every rank of the job at once with `code` (a rank that cannot go on alone).
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0, size_ = 1;
  bool joined_ = false;
};

/// This process's rank as its MPI launcher announces it (environment), 0 without one: for the
/// command line, which lets only rank 0 speak, before any MPI call.
int launcher_rank();

/// Whether this build can run sweeps over MPI ranks.
bool has_mpi();

}  // namespace kindest::sweep
