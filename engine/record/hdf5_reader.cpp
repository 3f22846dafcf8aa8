#include "engine/record/hdf5_reader.hpp"

#include <fcntl.h>
#include <hdf5.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <sstream>

#include "engine/core/errors.hpp"
#include "engine/record/hdf5_error.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::record {
namespace {

// Closes an HDF5 handle when it goes out of scope.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  Handle(Handle&& other) noexcept : id_(other.id_), close_(other.close_) { other.id_ = -1; }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle& operator=(Handle&&) = delete;
  operator hid_t() const { return id_; }
  bool valid() const { return id_ >= 0; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

std::string attribute_text(hid_t obj, const char* name);

// Refuses what this reader cannot interpret: another format, or another major version of ours
// (docs/FORMAT.md, versioning).
void check_format(hid_t file, const std::string& path) {
  const std::string name = attribute_text(file, "format_name");
  if (name != kFormatName)
    throw FileError("'" + path + "' is not a Kindest result file (format_name = '" + name +
                    "', expected '" + kFormatName + "')");
  unsigned version[2] = {0, 0};
  Handle attr(H5Aopen(file, "format_version", H5P_DEFAULT), H5Aclose);
  Handle space(attr.valid() ? H5Aget_space(attr) : -1, H5Sclose);
  if (!attr.valid() || H5Sget_simple_extent_npoints(space) != 2 ||
      H5Aread(attr, H5T_NATIVE_UINT, version) < 0)
    throw FileError("'" + path + "' has no readable format_version");
  if (version[0] != kFormatMajor)
    throw FileError("'" + path + "' has format version " + std::to_string(version[0]) + "." +
                    std::to_string(version[1]) + "; this Kindest reads major version " +
                    std::to_string(kFormatMajor) + " only (docs/FORMAT.md)");
}

Handle open_file(const std::string& path) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  // HDF5 says only "not HDF5" for a missing file, a dangling link, no permission or a name too
  // long: ask the system first, so the message gives the reason (issue 8).
  if (const int fd = ::open(path.c_str(), O_RDONLY); fd < 0)
    throw FileError("cannot open '" + path + "': " + std::strerror(errno));
  else
    ::close(fd);
  if (H5Fis_hdf5(path.c_str()) <= 0) throw FileError("'" + path + "' is not a readable HDF5 file");
  Handle f(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (f.valid()) {
    check_format(f, path);
    return f;
  }
  // A file being written (or whose writer was killed) in SWMR mode opens as an SWMR reader.
  // An SWMR reader retries a read whose checksum fails (the writer may be rewriting it), sleeping
  // twice as long each time: HDF5's 100 attempts made a resume of a killed file whose object
  // header was torn sleep for hours. 16 attempts wait about 65 ms in all, long enough for a
  // live writer to finish a write.
  Handle swmr_fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  H5Pset_metadata_read_attempts(swmr_fapl, 16);
  Handle swmr(H5Fopen(path.c_str(), H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, swmr_fapl), H5Fclose);
  if (swmr.valid()) {
    check_format(swmr, path);
    return swmr;
  }
  // A writer killed while it had the file open normally (a resume setting up, the complete
  // mark) leaves the superblock saying "open for writing, not SWMR", and both opens above
  // refuse. Ignoring those flags, as h5clear -s does, changes nothing in the file: it is only
  // read, and what was flushed is intact.
  Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  hbool_t ignore_status_flags = true;
  H5Pset(fapl, "clear_status_flags", &ignore_status_flags);
  Handle killed(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl), H5Fclose);
  if (!killed.valid()) throw FileError("cannot open '" + path + "'");
  check_format(killed, path);
  return killed;
}

Handle open_dataset(hid_t file, const std::string& path, const std::string& dataset) {
  Handle d(H5Dopen2(file, dataset.c_str(), H5P_DEFAULT), H5Dclose);
  if (!d.valid()) throw FileError("'" + path + "' has no dataset " + dataset);
  return d;
}

std::string dtype_name(hid_t type) {
  switch (H5Tget_class(type)) {
    case H5T_FLOAT:
      return "float" + std::to_string(8 * H5Tget_size(type));
    case H5T_INTEGER:
      return std::string(H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") +
             std::to_string(8 * H5Tget_size(type));
    case H5T_STRING:
      return "string";
    default:
      return "other";
  }
}

std::string string_attribute(hid_t attr, hid_t type) {
  if (H5Tis_variable_str(type) > 0) {
    char* s = nullptr;
    Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(mem, H5T_VARIABLE);
    H5Tset_cset(mem, H5Tget_cset(type));
    H5Aread(attr, mem, &s);
    std::string out = s ? s : "";
    H5free_memory(s);
    return out;
  }
  std::string out(H5Tget_size(type), '\0');
  H5Aread(attr, type, out.data());
  return out;
}

std::string attribute_text(hid_t obj, const char* name) {
  Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  if (!attr.valid()) return "";
  Handle type(H5Aget_type(attr), H5Tclose);
  if (H5Tget_class(type) == H5T_STRING) return string_attribute(attr, type);
  Handle space(H5Aget_space(attr), H5Sclose);
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
  std::vector<double> v(n);
  H5Aread(attr, H5T_NATIVE_DOUBLE, v.data());
  std::ostringstream s;
  for (std::size_t i = 0; i < n; ++i) s << (i ? ", " : "") << v[i];
  return n > 1 ? "[" + s.str() + "]" : s.str();
}

herr_t collect(hid_t obj, const char* name, const H5O_info_t* info, void* out) {
  if (info->type != H5O_TYPE_DATASET) return 0;
  auto& summary = *static_cast<FileSummary*>(out);
  Handle d(H5Dopen2(obj, name, H5P_DEFAULT), H5Dclose);
  Handle type(H5Dget_type(d), H5Tclose);
  Handle space(H5Dget_space(d), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  summary.datasets.push_back({"/" + std::string(name),
                              {dims.begin(), dims.end()},
                              dtype_name(type),
                              attribute_text(d, "units"),
                              attribute_text(d, "description")});
  return 0;
}

std::string hdf5_reason() {
  const std::string why = hdf5_error_reason();
  return why.empty() ? "HDF5 error" : "HDF5: " + why;
}

// Reads the whole of one dataset, at most kBlockBytes at a time along its first axis; returns
// why it cannot be read, or "" when it can.
std::string unreadable(hid_t file, const char* name) {
  constexpr hsize_t kBlockBytes = hsize_t{16} << 20;
  Handle d(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose);
  if (!d.valid()) return hdf5_reason();
  Handle type(H5Dget_type(d), H5Tclose);
  Handle space(H5Dget_space(d), H5Sclose);
  if (!type.valid() || !space.valid()) return hdf5_reason();
  const int rank = H5Sget_simple_extent_ndims(space);
  if (rank < 0) return hdf5_reason();
  if (rank == 0) {  // a scalar
    std::vector<unsigned char> one(H5Tget_size(type));
    if (H5Tget_class(type) == H5T_STRING && H5Tis_variable_str(type) > 0) {
      char* s = nullptr;
      if (H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &s) < 0) return hdf5_reason();
      H5free_memory(s);
      return "";
    }
    return H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, one.data()) < 0 ? hdf5_reason() : "";
  }
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  hsize_t row = H5Tget_size(type);
  for (std::size_t k = 1; k < dims.size(); ++k) row *= dims[k];
  const hsize_t block = std::max<hsize_t>(1, kBlockBytes / std::max<hsize_t>(1, row));
  const bool strings = H5Tis_variable_str(type) > 0;
  std::vector<hsize_t> start(dims.size(), 0), count = dims;
  for (hsize_t first = 0; first < dims[0]; first += block) {
    start[0] = first;
    count[0] = std::min(block, dims[0] - first);
    hsize_t n = 1;
    for (hsize_t c : count) n *= c;
    if (n == 0) break;
    H5Sselect_hyperslab(space, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
    Handle memory(H5Screate_simple(rank, count.data(), nullptr), H5Sclose);
    std::vector<unsigned char> out(static_cast<std::size_t>(n * H5Tget_size(type)));
    if (H5Dread(d, type, memory, space, H5P_DEFAULT, out.data()) < 0) return hdf5_reason();
    if (strings) H5Dvlen_reclaim(type, memory, H5P_DEFAULT, out.data());
  }
  return "";
}

struct FirstUnreadable {
  std::string found;
};

herr_t check_readable(hid_t obj, const char* name, const H5O_info_t* info, void* out) {
  if (info->type != H5O_TYPE_DATASET) return 0;
  const std::string why = unreadable(obj, name);
  if (why.empty()) return 0;
  static_cast<FirstUnreadable*>(out)->found = "/" + std::string(name) + " (" + why + ")";
  return 1;  // stop: one unreadable dataset is enough to distrust the file
}

herr_t collect_attribute(hid_t obj, const char* name, const H5A_info_t*, void* out) {
  static_cast<FileSummary*>(out)->attributes[name] = attribute_text(obj, name);
  return 0;
}

}  // namespace

FileSummary describe_file(const std::string& path) {
  Handle file = open_file(path);
  FileSummary summary;
  H5Aiterate2(file, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_attribute, &summary);
  H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_INC, collect, &summary, H5O_INFO_BASIC);
  return summary;
}

std::map<std::string, std::string> read_attributes(const std::string& path) {
  Handle file = open_file(path);
  FileSummary summary;
  H5Aiterate2(file, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_attribute, &summary);
  return summary.attributes;
}

std::string first_unreadable_dataset(const std::string& path) {
  Handle file = open_file(path);
  FirstUnreadable result;
  // A torn group (its link storage) fails the visit itself, before any dataset is reached.
  if (H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_INC, check_readable, &result, H5O_INFO_BASIC) < 0 &&
      result.found.empty())
    result.found = "a group (" + hdf5_reason() + ")";
  return result.found;
}

std::vector<double> read_numbers(const std::string& path, const std::string& dataset) {
  Handle file = open_file(path);
  Handle d = open_dataset(file, path, dataset);
  Handle space(H5Dget_space(d), H5Sclose);
  std::vector<double> v(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  if (H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) < 0)
    throw FileError("cannot read " + dataset + " from '" + path + "' as numbers");
  return v;
}

std::vector<std::string> read_strings(const std::string& path, const std::string& dataset) {
  Handle file = open_file(path);
  Handle d = open_dataset(file, path, dataset);
  Handle space(H5Dget_space(d), H5Sclose);
  std::vector<char*> raw(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(mem, H5T_VARIABLE);
  H5Tset_cset(mem, H5T_CSET_UTF8);
  if (H5Dread(d, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) < 0)
    throw FileError("cannot read " + dataset + " from '" + path + "' as strings");
  std::vector<std::string> out(raw.begin(), raw.end());
  H5Dvlen_reclaim(mem, space, H5P_DEFAULT, raw.data());
  return out;
}

std::vector<unsigned char> read_raw(const std::string& path, const std::string& dataset) {
  Handle file = open_file(path);
  Handle d = open_dataset(file, path, dataset);
  Handle type(H5Dget_type(d), H5Tclose);
  Handle space(H5Dget_space(d), H5Sclose);
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
  std::vector<unsigned char> out(n * H5Tget_size(type));
  if (H5Tget_class(type) == H5T_STRING) {  // compare the text, not heap addresses
    std::string joined;
    for (const auto& s : read_strings(path, dataset)) joined += s + '\0';
    return {joined.begin(), joined.end()};
  }
  // A failed read must not pass for zeros: "same bits" comparisons read through this.
  if (H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
    throw FileError("cannot read " + dataset + " from '" + path + "' (" + hdf5_reason() + ")");
  return out;
}

}  // namespace kindest::record
