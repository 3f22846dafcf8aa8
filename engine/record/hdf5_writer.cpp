#include "engine/record/hdf5_writer.hpp"

#include <hdf5.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <numeric>
#include <type_traits>

#include "engine/core/errors.hpp"
#include "engine/core/version.hpp"

namespace kindest::record {
namespace {

hid_t as_hid(std::int64_t h) { return static_cast<hid_t>(h); }

void require(std::int64_t status, const std::string& what) {
  if (status < 0) throw FileError("HDF5 error: " + what);
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
  hid_t attr = H5Aopen_name(obj, name);
  if (attr < 0) attr = H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
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
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become FileError, not stderr noise
  const hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  // The 1.10 format lets later issues open files for SWMR reading while they are written.
  H5Pset_libver_bounds(fapl, H5F_LIBVER_V110, H5F_LIBVER_LATEST);
  const hid_t file =
      H5Fcreate(path.c_str(), overwrite ? H5F_ACC_TRUNC : H5F_ACC_EXCL, H5P_DEFAULT, fapl);
  H5Pclose(fapl);
  if (file < 0) throw FileError("cannot create output file '" + path + "'");
  file_ = file;
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

Hdf5Writer::~Hdf5Writer() {
  if (file_ >= 0) H5Fclose(as_hid(file_));
}

void Hdf5Writer::write(const Snapshot& snapshot) {
  for (const auto& d : snapshot.datasets) write(d);
}

void Hdf5Writer::write(const Dataset& d) {
  const hid_t file = as_hid(file_);
  create_parents(file, d.path);
  std::vector<hsize_t> dims(d.shape.begin(), d.shape.end());
  const hsize_t count = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  const hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
  hid_t type = -1;
  const void* buffer = nullptr;
  std::vector<const char*> strings;
  std::visit(
      [&](const auto& v) {
        using V = typename std::decay_t<decltype(v)>::value_type;
        if (v.size() != count)
          throw std::logic_error("dataset " + d.path + ": shape/size mismatch");
        if constexpr (std::is_same_v<V, double>) {
          type = H5Tcopy(H5T_IEEE_F64LE);
          buffer = v.data();
        } else if constexpr (std::is_same_v<V, std::uint64_t>) {
          type = H5Tcopy(H5T_STD_U64LE);
          buffer = v.data();
        } else if constexpr (std::is_same_v<V, std::uint32_t>) {
          type = H5Tcopy(H5T_STD_U32LE);
          buffer = v.data();
        } else {
          type = H5Tcopy(H5T_C_S1);
          H5Tset_size(type, H5T_VARIABLE);
          H5Tset_cset(type, H5T_CSET_UTF8);
          for (const auto& s : v) strings.push_back(s.c_str());
          buffer = strings.data();
        }
      },
      d.values);
  const hid_t set =
      H5Dcreate2(file, d.path.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  require(set, "creating dataset " + d.path);
  // Native in-memory types match the little-endian file types on every platform we build for.
  const hid_t mem =
      H5Tget_class(type) == H5T_STRING ? H5Tcopy(type) : H5Tget_native_type(type, H5T_DIR_ASCEND);
  require(H5Dwrite(set, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer),
          "writing " + d.path + " (disk full?)");
  string_attribute(set, "units", d.units);
  string_attribute(set, "description", d.description);
  H5Tclose(mem);
  H5Dclose(set);
  H5Tclose(type);
  H5Sclose(space);
}

void Hdf5Writer::flush() {
  require(H5Fflush(as_hid(file_), H5F_SCOPE_GLOBAL), "flushing " + path_ + " (disk full?)");
}

void Hdf5Writer::mark_complete() {
  const std::uint8_t complete = 1;
  numeric_attribute(as_hid(file_), "complete", H5T_NATIVE_UINT8, &complete, 1);
  flush();
}

}  // namespace kindest::record
