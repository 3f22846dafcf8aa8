#include "engine/record/write_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/core/errors.hpp"

namespace kindest::record {
namespace {

std::string holder(int fd) {
  char buf[256] = {};
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string text = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "another process" : text;
}

}  // namespace

WriteLock::WriteLock(const std::string& result_path) : path_(sidecar(result_path)) {
  // Retry while the sidecar we locked is not the one at the path any more: its owner removed
  // it between our open and our flock, and a third writer may lock the new one.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
      throw FileError("cannot create the lock file '" + path_ + "': " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      const std::string who = holder(fd);
      ::close(fd);
      if (error == EWOULDBLOCK)
        throw FileError("'" + result_path + "' is being written by " + who +
                        "; wait for that run to finish or stop it (one writer per file)");
      throw FileError("cannot lock '" + path_ + "': " + std::strerror(error));
    }
    struct stat held {
    }, now{};
    if (::fstat(fd, &held) == 0 && ::stat(path_.c_str(), &now) == 0 && held.st_ino == now.st_ino &&
        held.st_dev == now.st_dev) {
      fd_ = fd;
      char host[128] = "unknown host";
      ::gethostname(host, sizeof host - 1);
      const std::string who =
          "process " + std::to_string(::getpid()) + " on " + std::string(host) + "\n";
      if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, who.data(), who.size(), 0) < 0) {
        // The holder's name is only for the message a second writer gets; the lock holds.
      }
      return;
    }
    ::close(fd);
  }
  throw FileError("cannot lock '" + path_ + "': it keeps being replaced");
}

WriteLock::~WriteLock() {
  if (fd_ < 0) return;
  // Unlink while still holding the lock, so that nobody locks a sidecar that is about to go.
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace kindest::record
