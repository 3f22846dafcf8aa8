#pragma once
// Reads Kindest result files back: for `kindest info`, for `kindest check`, and for tests that
// compare datasets bit for bit.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace kindest::record {

struct DatasetInfo {
  std::string path;
  std::vector<std::size_t> shape;
  std::string dtype;  // "float64", "uint64", "uint32", "string"
  std::string units;
  std::string description;
};

struct FileSummary {
  std::map<std::string, std::string> attributes;  // root attributes rendered as text
  std::vector<DatasetInfo> datasets;              // in name order
};

/// Throws FileError when `path` is missing or not an HDF5 file.
FileSummary describe_file(const std::string& path);
/// The root attributes only, touching no dataset: what resume checks before it opens the file
/// for writing (a killed run's datasets may hold parts a reader cannot read yet).
std::map<std::string, std::string> read_attributes(const std::string& path);
/// Numeric dataset converted to double (exact for the integer ranges Kindest writes).
std::vector<double> read_numbers(const std::string& path, const std::string& dataset);
std::vector<std::string> read_strings(const std::string& path, const std::string& dataset);
/// The first dataset of `path`, in name order, that cannot be read whole, and why:
/// "/invasion/r0000/mean_rule (HDF5: incorrect metadata checksum after all read attempts)";
/// empty when every dataset reads. Reads every element of every dataset (a row block at a time,
/// so memory stays small), which is what a resume must know before it trusts a file a kill may
/// have torn: HDF5 checks a metadata block's checksum only when it reads the block. Throws
/// FileError when the file itself cannot be opened (see describe_file).
std::string first_unreadable_dataset(const std::string& path);
/// The raw bytes of a dataset as stored, for bit-identity checks.
std::vector<unsigned char> read_raw(const std::string& path, const std::string& dataset);

}  // namespace kindest::record
