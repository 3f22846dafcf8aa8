#pragma once
// One writer per result file. HDF5's own file lock is given up by a SWMR writer (readers must
// be able to open the file while it is written), so without this two runs -- a `--force` or a
// `--resume` on a file another run is still writing -- both write it and corrupt it.
//
// The lock is an advisory flock on a sidecar file, PATH.lock, which holds the writer's process
// id and host for the message a second writer gets. The kernel drops a flock when its process
// dies, so a lock left by a crash or kill -9 never blocks a resume: the sidecar may stay behind,
// but nobody holds it. The sidecar is removed when the writer finishes.
#include <string>

namespace kindest::record {

class WriteLock {
 public:
  /// Takes the lock for `result_path`. Throws FileError naming the process that holds it.
  explicit WriteLock(const std::string& result_path);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;

  static std::string sidecar(const std::string& result_path) { return result_path + ".lock"; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace kindest::record
