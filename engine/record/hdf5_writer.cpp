#include "engine/record/hdf5_writer.hpp"

#include <hdf5.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <numeric>
#include <type_traits>

#include "engine/core/errors.hpp"
#include "engine/core/version.hpp"
#include "engine/record/hdf5_error.hpp"

namespace kindest::record {
namespace {

// HDF5 keeps its switch for printing errors per thread (Debian builds it thread-safe): turned
// off only where the file was opened, a write failing in a worker thread printed HDF5's whole
// error stack (a hundred lines on a full disk). Every thread that enters the writer turns it
// off; failures become one FileError naming the cause (require).
void quiet_hdf5() {
  thread_local bool quiet = false;
  if (quiet) return;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  quiet = true;
}

struct Lock {
  explicit Lock(std::recursive_mutex& m) : lock(m) { quiet_hdf5(); }
  std::lock_guard<std::recursive_mutex> lock;
};

hid_t as_hid(std::int64_t h) { return static_cast<hid_t>(h); }

std::string hdf5_reason() { return hdf5_error_reason(); }

void require(std::int64_t status, const std::string& what) {
  if (status >= 0) return;
  const std::string reason = hdf5_reason();
  throw FileError("HDF5 error: " + what + (reason.empty() ? "" : ": " + reason));
}

void string_attribute(hid_t obj, const char* name, const std::string& value) {
  const hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  const hid_t space = H5Screate(H5S_SCALAR);
  const hid_t attr = H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
  const char* p = value.c_str();
  require(H5Awrite(attr, type, &p), std::string("writing attribute ") + name);
  H5Aclose(attr);
  H5Sclose(space);
  H5Tclose(type);
}

template <class T>
void numeric_attribute(hid_t obj, const char* name, hid_t type, const T* values, hsize_t n) {
  const hid_t space = H5Screate_simple(1, &n, nullptr);
  hid_t attr = H5Aexists(obj, name) > 0
                   ? H5Aopen(obj, name, H5P_DEFAULT)
                   : H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
  require(H5Awrite(attr, type, values), std::string("writing attribute ") + name);
  H5Aclose(attr);
  H5Sclose(space);
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Creates the groups leading to `path` ("/a/b/c" -> /a, /a/b).
void create_parents(hid_t file, const std::string& path) {
  for (std::size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string group = path.substr(0, slash);
    if (H5Lexists(file, group.c_str(), H5P_DEFAULT) > 0) continue;
    const hid_t g = H5Gcreate2(file, group.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    require(g, "creating group " + group);
    H5Gclose(g);
  }
}

// The file type of a Values alternative, and a pointer to its data in the memory layout HDF5
// expects (variable-length strings as an array of char pointers, kept alive in `strings`).
struct Buffer {
  hid_t file_type = -1;
  hid_t memory_type = -1;
  const void* data = nullptr;
  std::size_t count = 0;
  std::vector<const char*> strings;

  explicit Buffer(const Values& values) {
    std::visit(
        [&](const auto& v) {
          using V = typename std::decay_t<decltype(v)>::value_type;
          count = v.size();
          if constexpr (std::is_same_v<V, double>) {
            file_type = H5Tcopy(H5T_IEEE_F64LE);
            memory_type = H5Tcopy(H5T_NATIVE_DOUBLE);
            data = v.data();
          } else if constexpr (std::is_same_v<V, std::uint64_t>) {
            file_type = H5Tcopy(H5T_STD_U64LE);
            memory_type = H5Tcopy(H5T_NATIVE_UINT64);
            data = v.data();
          } else if constexpr (std::is_same_v<V, std::uint32_t>) {
            file_type = H5Tcopy(H5T_STD_U32LE);
            memory_type = H5Tcopy(H5T_NATIVE_UINT32);
            data = v.data();
          } else {
            file_type = H5Tcopy(H5T_C_S1);
            H5Tset_size(file_type, H5T_VARIABLE);
            H5Tset_cset(file_type, H5T_CSET_UTF8);
            memory_type = H5Tcopy(file_type);
            for (const auto& s : v) strings.push_back(s.c_str());
            data = strings.data();
          }
        },
        values);
  }
  ~Buffer() {
    H5Tclose(file_type);
    H5Tclose(memory_type);
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
};

std::size_t product(const std::vector<std::size_t>& v) {
  return std::accumulate(v.begin(), v.end(), std::size_t{1}, std::multiplies<>());
}

// A transfer property list whose type-conversion buffer fits `elements` values. HDF5's default
// buffer is 1 MiB, allocated zeroed on every read that converts (a uint64 dataset read as
// doubles): at about three such reads per replicate that memset was a third of the CPU time of
// a 10 001-replicate run of small populations.
class ReadTransfer {
 public:
  explicit ReadTransfer(std::size_t elements) : list_(H5Pcreate(H5P_DATASET_XFER)) {
    H5Pset_buffer(list_, std::max<std::size_t>(64, 16 * elements), nullptr, nullptr);
  }
  ~ReadTransfer() { H5Pclose(list_); }
  ReadTransfer(const ReadTransfer&) = delete;
  ReadTransfer& operator=(const ReadTransfer&) = delete;
  operator hid_t() const noexcept { return list_; }

 private:
  hid_t list_;
};

void describe(hid_t set, const std::string& units, const std::string& description) {
  string_attribute(set, "units", units);
  string_attribute(set, "description", description);
}

}  // namespace

void check_output_path(const std::string& path, bool overwrite) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw FileError("output '" + path + "' is a directory");
  if (fs::exists(path, ec) && !overwrite)
    throw FileError("output file '" + path + "' exists; use --force to overwrite it");
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::is_directory(dir, ec))
    throw FileError("cannot write output '" + path + "': directory '" + dir.string() +
                    "' does not exist");
  if (::access(dir.c_str(), W_OK) != 0 ||
      (fs::exists(path, ec) && ::access(path.c_str(), W_OK) != 0))
    throw FileError("cannot write output '" + path + "': permission denied");
}

Hdf5Writer::Hdf5Writer(const std::string& path, bool overwrite, const FileMetadata& metadata)
    : path_(path) {
  check_output_path(path, overwrite);
  lock_ = std::make_unique<WriteLock>(path);    // before H5Fcreate truncates another run's file
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become FileError, not stderr noise
  const hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  // The 1.10 format is what lets readers open the file while it is written (SWMR).
  H5Pset_libver_bounds(fapl, H5F_LIBVER_V110, H5F_LIBVER_LATEST);
  // Set up under a temporary name (see publish()): a kill during setup leaves no file at `path`
  // that can be neither opened nor resumed.
  partial_ = partial_path(path);
  const hid_t file = H5Fcreate(partial_.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
  H5Pclose(fapl);
  std::error_code ec;
  if (file < 0) {
    const std::string reason = hdf5_reason();
    std::filesystem::remove(partial_, ec);  // a full disk can leave an empty or torn one
    throw FileError("cannot create output file '" + partial_ + "'" +
                    (reason.empty() ? "" : ": " + reason));
  }
  file_ = file;
  try {
    set_up(metadata);
  } catch (...) {
    // No destructor runs for a constructor that throws: close and remove what was set up.
    close_all();
    std::filesystem::remove(partial_, ec);
    throw;
  }
}

void Hdf5Writer::set_up(const FileMetadata& metadata) {
  const hid_t file = as_hid(file_);
  string_attribute(file, "format_name", kFormatName);
  const unsigned version[2] = {kFormatMajor, kFormatMinor};
  numeric_attribute(file, "format_version", H5T_NATIVE_UINT, version, 2);
  string_attribute(file, "engine_version", engine_version);
  string_attribute(file, "git_hash", git_hash());
  string_attribute(file, "job", metadata.job);
  numeric_attribute(file, "seed", H5T_NATIVE_UINT64, &metadata.seed, 1);
  string_attribute(file, "config", metadata.config_ini);
  string_attribute(file, "created_utc", utc_now());
  const std::uint8_t incomplete = 0;
  numeric_attribute(file, "complete", H5T_NATIVE_UINT8, &incomplete, 1);
  flush();
}

Hdf5Writer::Hdf5Writer(const std::string& path)
    : path_(path), lock_(std::make_unique<WriteLock>(path)) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  H5Pset_libver_bounds(fapl, H5F_LIBVER_V110, H5F_LIBVER_LATEST);
  // A writer killed in SWMR mode leaves the superblock's "open for writing" flags set, and
  // HDF5 then refuses to open the file; clearing them is what h5clear -s does. The data up to
  // the last flush is intact (SWMR orders its writes for exactly this).
  hbool_t clear_status_flags = true;
  H5Pset(fapl, "clear_status_flags", &clear_status_flags);
  // Once SWMR writing starts, a metadata block whose checksum fails is read again, sleeping
  // twice as long each time, 100 times: a block the killed writer tore (the cache may write one
  // back at any moment) hung a resume for hours in the kill campaign. 16 attempts take about
  // 65 ms, then the write fails with an error instead.
  H5Pset_metadata_read_attempts(fapl, 16);
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, fapl);
  H5Pclose(fapl);
  if (file < 0) throw FileError("cannot open '" + path + "' for writing");
  file_ = file;
  // A writer killed in the middle of a flush has written chunks and the index pointing to them
  // but not yet the superblock's end-of-allocation address, which then lies before data the
  // file refers to: reading that data fails ("addr overflow"), new space would be allocated on
  // top of it, and the first flush truncates the file to the stale address, destroying it.
  // The file's real end covers everything written, so take the larger of the two
  // (h5clear --increment=0 does the same).
  require(H5Fincrement_filesize(file, 0), "recovering the allocated size of " + path);
  // Marked incomplete unless it is already: a resume changes nothing before SWMR starts, so
  // that a kill while it sets up leaves the file as it was.
  std::uint8_t complete = 1;
  if (H5Aexists(file, "complete") > 0) {
    const hid_t attr = H5Aopen(file, "complete", H5P_DEFAULT);
    H5Aread(attr, H5T_NATIVE_UINT8, &complete);
    H5Aclose(attr);
  }
  if (complete != 0) {
    const std::uint8_t incomplete = 0;
    numeric_attribute(file, "complete", H5T_NATIVE_UINT8, &incomplete, 1);
    flush();
  }
}

std::string partial_path(const std::string& path) { return path + ".partial"; }

Hdf5Writer::~Hdf5Writer() {
  // A run that ends without publishing (an exception, a failed short job) still leaves its
  // file, closed and consistent, at its name, marked incomplete -- unless even that fails (the
  // disk is full): then the .partial file, which nothing can open, is removed, and `path` is
  // left as it was.
  bool published = true;
  try {
    publish();
  } catch (...) {
    published = false;
  }
  quiet_hdf5();  // a close that cannot flush must not print HDF5's stack either
  const std::string partial = partial_;
  close_all();
  if (!published && !partial.empty()) {
    std::error_code ec;
    std::filesystem::remove(partial, ec);
  }
}

void Hdf5Writer::publish() {
  Lock lock(mutex_);
  if (partial_.empty() || file_ < 0) return;
  flush();
  std::error_code ec;
  std::filesystem::rename(partial_, path_, ec);  // atomic; the open handle stays valid
  if (ec) throw FileError("cannot rename '" + partial_ + "' to '" + path_ + "': " + ec.message());
  partial_.clear();
}

void Hdf5Writer::close_all() {
  for (auto& [name, id] : open_) H5Dclose(as_hid(id));
  open_.clear();
  if (file_ >= 0) H5Fclose(as_hid(file_));
  file_ = -1;
}

std::int64_t Hdf5Writer::dataset(const std::string& path) {
  auto it = open_.find(path);
  if (it != open_.end()) return it->second;
  const hid_t set = H5Dopen2(as_hid(file_), path.c_str(), H5P_DEFAULT);
  require(set, "opening dataset " + path);
  remember(path, set);
  return set;
}

void Hdf5Writer::remember(const std::string& path, std::int64_t set) {
  // Each open dataset holds HDF5 metadata (tens of kB); with thousands of replicates an
  // unbounded cache grew to gigabytes and slowed every flush. Keep only the recent ones.
  if (open_.size() >= kMaxOpenDatasets) {
    for (auto& [name, id] : open_) H5Dclose(as_hid(id));
    open_.clear();
  }
  open_[path] = set;
}

void Hdf5Writer::write(const Snapshot& snapshot) {
  for (const auto& d : snapshot.datasets) write(d);
}

void Hdf5Writer::write(const Dataset& d) {
  Lock lock(mutex_);
  const hid_t file = as_hid(file_);
  create_parents(file, d.path);
  const Buffer buffer(d.values);
  if (buffer.count != product(d.shape))
    throw std::logic_error("dataset " + d.path + ": shape/size mismatch");
  std::vector<hsize_t> dims(d.shape.begin(), d.shape.end());
  const hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
  const hid_t set = H5Dcreate2(file, d.path.c_str(), buffer.file_type, space, H5P_DEFAULT,
                               H5P_DEFAULT, H5P_DEFAULT);
  require(set, "creating dataset " + d.path);
  require(H5Dwrite(set, buffer.memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data),
          "writing " + d.path);
  describe(set, d.units, d.description);
  H5Sclose(space);
  remember(d.path, set);
}

void Hdf5Writer::overwrite(const std::string& path, const Values& values) {
  Lock lock(mutex_);
  const Buffer buffer(values);
  require(H5Dwrite(as_hid(dataset(path)), buffer.memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                   buffer.data),
          "writing " + path);
}

void Hdf5Writer::create_padded(const std::string& path, const std::vector<std::size_t>& shape,
                               const std::string& units, const std::string& description) {
  Lock lock(mutex_);
  const hid_t file = as_hid(file_);
  create_parents(file, path);
  std::vector<hsize_t> dims(shape.begin(), shape.end()), chunk = dims;
  chunk[0] =
      std::clamp<hsize_t>(64 / std::max<std::size_t>(1, product(shape) / shape[0]), 1, dims[0]);
  const hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
  const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data());
  const double nan = std::nan("");
  H5Pset_fill_value(dcpl, H5T_NATIVE_DOUBLE, &nan);
  const hid_t set =
      H5Dcreate2(file, path.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  H5Pclose(dcpl);
  H5Sclose(space);
  require(set, "creating dataset " + path);
  describe(set, units, description);
  remember(path, set);
}

void Hdf5Writer::overwrite_rows(const std::string& path, const std::vector<double>& values) {
  Lock lock(mutex_);
  const hid_t set = as_hid(dataset(path));
  const hid_t space = H5Dget_space(set);
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  hsize_t row = 1;
  for (std::size_t k = 1; k < dims.size(); ++k) row *= dims[k];
  std::vector<hsize_t> start(dims.size(), 0), count = dims;
  count[0] = values.size() / row;
  if (count[0] * row != values.size() || count[0] > dims[0])
    throw std::logic_error("overwrite_rows " + path + ": not whole rows within the shape");
  if (count[0] > 0) {
    H5Sselect_hyperslab(space, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
    const hid_t memory = H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr);
    require(H5Dwrite(set, H5T_NATIVE_DOUBLE, memory, space, H5P_DEFAULT, values.data()),
            "writing " + path);
    H5Sclose(memory);
  }
  H5Sclose(space);
}

void Hdf5Writer::create_series(const std::string& path, const std::vector<std::size_t>& row_shape,
                               const Values& prototype, const std::string& units,
                               const std::string& description, std::size_t expected_rows) {
  Lock lock(mutex_);
  const hid_t file = as_hid(file_);
  create_parents(file, path);
  std::vector<hsize_t> dims{0}, max{H5S_UNLIMITED}, chunk{1024};
  for (std::size_t n : row_shape) {
    dims.push_back(n);
    max.push_back(n);
    chunk.push_back(n);
  }
  // At most about 64 KiB per chunk: big enough to compress well, small enough to flush often;
  // at most the expected length, so that a series ends on a full (compressed) chunk when it
  // fits in one, and a short series does not carry a mostly empty chunk.
  chunk[0] = std::max<hsize_t>(16, 2048 / std::max<std::size_t>(1, product(row_shape)));
  if (expected_rows > 0) chunk[0] = std::clamp<hsize_t>(expected_rows, 1, chunk[0]);
  const hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), max.data());
  const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data());
  H5Pset_shuffle(dcpl);
  H5Pset_deflate(dcpl, 1);  // level 1: most of the size gain at a fraction of the time
  // Every flush rewrites the last, partly filled chunk; compressed, it changes size and moves,
  // and a SWMR writer does not reuse the space it leaves: about 1 KiB per flush for an
  // evolution run (bench/README.md). Storing partial chunks unfiltered
  // (H5D_CHUNK_DONT_FILTER_PARTIAL_CHUNKS) avoids that but leaks each full chunk's raw
  // 64 KiB instead when it is compressed, which costs more.
  const Buffer buffer(prototype);
  const hid_t set =
      H5Dcreate2(file, path.c_str(), buffer.file_type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  H5Pclose(dcpl);
  H5Sclose(space);
  require(set, "creating series " + path);
  describe(set, units, description);
  remember(path, set);
}

void Hdf5Writer::append(const std::string& path, const Values& rows) {
  Lock lock(mutex_);
  const hid_t set = as_hid(dataset(path));
  const Buffer buffer(rows);
  hid_t space = H5Dget_space(set);
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  H5Sclose(space);
  hsize_t row_size = 1;
  for (int k = 1; k < rank; ++k) row_size *= dims[static_cast<std::size_t>(k)];
  if (buffer.count % row_size != 0) throw std::logic_error("append to " + path + ": partial row");
  std::vector<hsize_t> start(dims.size(), 0), count = dims;
  start[0] = dims[0];
  count[0] = buffer.count / row_size;
  if (count[0] == 0) return;
  dims[0] += count[0];
  require(H5Dset_extent(set, dims.data()), "extending " + path);
  space = H5Dget_space(set);
  H5Sselect_hyperslab(space, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
  const hid_t memory = H5Screate_simple(rank, count.data(), nullptr);
  const herr_t status = H5Dwrite(set, buffer.memory_type, memory, space, H5P_DEFAULT, buffer.data);
  H5Sclose(memory);
  H5Sclose(space);
  require(status, "appending to " + path);
}

std::size_t Hdf5Writer::rows(const std::string& path) {
  Lock lock(mutex_);
  const hid_t space = H5Dget_space(as_hid(dataset(path)));
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  H5Sclose(space);
  return dims.empty() ? 0 : static_cast<std::size_t>(dims[0]);
}

std::vector<double> Hdf5Writer::read_numbers(const std::string& path) {
  Lock lock(mutex_);
  const hid_t set = as_hid(dataset(path));
  const hid_t space = H5Dget_space(set);
  std::vector<double> out(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  H5Sclose(space);
  if (!out.empty())
    require(H5Dread(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, ReadTransfer(out.size()), out.data()),
            "reading " + path);
  return out;
}

std::vector<double> Hdf5Writer::read_rows(const std::string& path, std::size_t first,
                                          std::size_t count) {
  Lock lock(mutex_);
  const hid_t set = as_hid(dataset(path));
  const hid_t space = H5Dget_space(set);
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  if (dims.empty() || first + count > dims[0]) {
    H5Sclose(space);
    throw FileError("cannot read rows " + std::to_string(first) + " to " +
                    std::to_string(first + count) + " of " + path + ": it has " +
                    std::to_string(dims.empty() ? 0 : dims[0]));
  }
  std::vector<hsize_t> start(dims.size(), 0), shape = dims;
  start[0] = first;
  shape[0] = count;
  hsize_t n = 1;
  for (hsize_t d : shape) n *= d;
  std::vector<double> out(static_cast<std::size_t>(n));
  herr_t status = 0;
  if (n > 0) {
    H5Sselect_hyperslab(space, H5S_SELECT_SET, start.data(), nullptr, shape.data(), nullptr);
    const hid_t memory = H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr);
    status = H5Dread(set, H5T_NATIVE_DOUBLE, memory, space, ReadTransfer(out.size()), out.data());
    H5Sclose(memory);
  }
  H5Sclose(space);
  require(status, "reading rows " + std::to_string(first) + " to " + std::to_string(first + count) +
                      " of " + path);
  return out;
}

void Hdf5Writer::truncate(const std::string& path, std::size_t rows) {
  Lock lock(mutex_);
  const hid_t set = as_hid(dataset(path));
  const hid_t space = H5Dget_space(set);
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  H5Sclose(space);
  // Never grow: rows past the extent would read as fill values, not records.
  if (rows > dims[0])
    throw FileError("cannot truncate " + path + " to " + std::to_string(rows) + " rows: it has " +
                    std::to_string(dims[0]));
  dims[0] = rows;
  require(H5Dset_extent(set, dims.data()), "truncating " + path);
}

std::vector<std::uint64_t> Hdf5Writer::read_uint64(const std::string& path) {
  Lock lock(mutex_);
  const hid_t set = as_hid(dataset(path));
  const hid_t space = H5Dget_space(set);
  std::vector<std::uint64_t> out(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  H5Sclose(space);
  if (!out.empty())
    require(H5Dread(set, H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, ReadTransfer(out.size()), out.data()),
            "reading " + path);
  return out;
}

bool Hdf5Writer::exists(const std::string& path) {
  Lock lock(mutex_);
  // H5Lexists needs every parent to exist: test them from the root down.
  for (std::size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string prefix = path.substr(0, slash);
    if (H5Lexists(as_hid(file_), prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    if (slash == std::string::npos) return true;
  }
}

void Hdf5Writer::start_swmr() {
  Lock lock(mutex_);
  // SWMR first, then the new name: a kill while SWMR starts leaves only the .partial file.
  flush();
  require(H5Fstart_swmr_write(as_hid(file_)), "starting SWMR writing on " + path_);
  swmr_ = true;
  publish();
}

void Hdf5Writer::flush() {
  Lock lock(mutex_);
  require(H5Fflush(as_hid(file_), H5F_SCOPE_GLOBAL), "flushing " + path_);
}

void Hdf5Writer::mark_complete() {
  Lock lock(mutex_);
  flush();
  if (swmr_) {
    // SWMR writers may not change attributes: close and reopen normally for the final mark.
    // A SWMR reader still holding the file (a notebook following the run) keeps HDF5's shared
    // file lock, and a normal reopen would fail on it. This process's WriteLock keeps other
    // writers out, so HDF5's lock is not needed for the one attribute written now.
    close_all();
    const hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
    H5Pset_file_locking(fapl, false, true);
    const hid_t file = H5Fopen(path_.c_str(), H5F_ACC_RDWR, fapl);
    H5Pclose(fapl);
    require(file, "reopening " + path_ + " to mark it complete");
    file_ = file;
    swmr_ = false;
  }
  const std::uint8_t complete = 1;
  numeric_attribute(as_hid(file_), "complete", H5T_NATIVE_UINT8, &complete, 1);
  flush();
  publish();
}

}  // namespace kindest::record
