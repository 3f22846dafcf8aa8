#include "engine/sweep/ranks.hpp"

#include <cstdlib>
#include <limits>

#include "engine/core/errors.hpp"

#ifdef KINDEST_HAVE_MPI
#define OMPI_SKIP_MPICXX 1  // the C API only: Open MPI's C++ bindings are deprecated
#include <mpi.h>
#endif

namespace kindest::sweep {
namespace {

// Open MPI's mpirun, then PMIx and PMI (srun, other launchers).
int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

[[maybe_unused]] int launcher_size() {
  return env_int("OMPI_COMM_WORLD_SIZE", env_int("PMIX_SIZE", env_int("PMI_SIZE", 1)));
}

bool launched() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMIX_RANK") || std::getenv("PMI_RANK");
}

}  // namespace

int launcher_rank() {
  return env_int("OMPI_COMM_WORLD_RANK", env_int("PMIX_RANK", env_int("PMI_RANK", 0)));
}

#ifdef KINDEST_HAVE_MPI

bool has_mpi() { return true; }

Ranks::Ranks() {
  if (!launched()) return;
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (initialized) throw ConfigError("sweep error: MPI joined twice in one process");
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  joined_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  if (provided < MPI_THREAD_FUNNELED) {
    MPI_Finalize();
    joined_ = false;
    throw ConfigError("sweep error: this MPI library does not support MPI_THREAD_FUNNELED");
  }
}

Ranks::~Ranks() {
  if (joined_) MPI_Finalize();
}

void Ranks::send(int to, int tag, std::string_view bytes) const {
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw FileError("sweep error: a message of " + std::to_string(bytes.size()) +
                    " bytes is too large for MPI");
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, to, tag, MPI_COMM_WORLD);
}

bool Ranks::probe(int& from, int& tag) const {
  int flag = 0;
  MPI_Status status;
  MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
  if (!flag) return false;
  from = status.MPI_SOURCE;
  tag = status.MPI_TAG;
  return true;
}

std::string Ranks::receive(int from, int tag) const {
  MPI_Status status;
  MPI_Probe(from, tag, MPI_COMM_WORLD, &status);
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  std::string bytes(static_cast<std::size_t>(count), '\0');
  MPI_Recv(bytes.data(), count, MPI_BYTE, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return bytes;
}

void Ranks::broadcast(std::string& bytes) const {
  if (size_ == 1) return;
  unsigned long long n = bytes.size();
  MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  bytes.resize(static_cast<std::size_t>(n));
  MPI_Bcast(bytes.data(), static_cast<int>(n), MPI_BYTE, 0, MPI_COMM_WORLD);
}

void Ranks::abort(int code) const {
  if (joined_) MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);
}

#else  // a build without MPI: one rank, and a clear refusal of several

bool has_mpi() { return false; }

Ranks::Ranks() {
  if (launched() && launcher_size() > 1)
    throw ConfigError("sweep error: started as " + std::to_string(launcher_size()) +
                      " MPI ranks, but this kindest was built without MPI (KINDEST_MPI=OFF): "
                      "each rank would run the whole sweep; rebuild with -DKINDEST_MPI=ON or run "
                      "one process with --threads");
}

Ranks::~Ranks() = default;
void Ranks::send(int, int, std::string_view) const {}
bool Ranks::probe(int&, int&) const { return false; }
std::string Ranks::receive(int, int) const { return {}; }
void Ranks::broadcast(std::string&) const {}
void Ranks::abort(int code) const { std::_Exit(code); }

#endif

}  // namespace kindest::sweep
