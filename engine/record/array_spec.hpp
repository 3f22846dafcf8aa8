#pragma once
// What a dataset is, written once: its name, its shape in symbols (S strategies, T records, ...),
// its dtype, units and meaning. The recorders create datasets from these specs, the writers take
// units and descriptions from them, and docs/FORMAT.md's tables are generated from them
// (file_format.hpp), so a dataset is described in one place.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "engine/record/snapshot.hpp"

namespace kindest::record {

enum class Dtype { float64, uint64, uint32, string };

struct ArraySpec {
  std::string name;  // relative to its group: "counts"
  // Symbolic shape: of one row for a series (the leading T is implied), of the whole array
  // otherwise. Each entry is a symbol bound by Dims ("S") or a number ("4").
  std::vector<std::string> shape;
  Dtype dtype = Dtype::float64;
  std::string units;        // "-" when dimensionless
  std::string description;  // one sentence: the dataset's description attribute
  // Checkpoint arrays only: a capacity of rows (shape[0]), of which a checkpoint uses the
  // first few; unwritten rows read as NaN and take no space (Hdf5Writer::create_padded).
  bool padded = false;
};

/// Values of the symbols in shapes: {"S", 5}, {"C", 1001}.
using Dims = std::map<std::string, std::size_t>;

/// The numeric shape; throws std::logic_error for a symbol `dims` does not bind.
std::vector<std::size_t> resolve(const std::vector<std::string>& shape, const Dims& dims);
/// Number of values in a (row) shape.
std::size_t size_of(const std::vector<std::size_t>& shape);
/// "float64", "uint64", "uint32", "UTF-8 string" -- as docs/FORMAT.md and h5py name them.
const char* dtype_name(Dtype dtype);
/// An empty vector of the dtype's C++ type.
Values empty_values(Dtype dtype);
/// The dtype a Values alternative holds.
Dtype dtype_of(const Values& values);
/// Numeric values as doubles (exact for the integer ranges Kindest writes).
std::vector<double> as_doubles(const Values& values);
/// Doubles converted to the dtype (the inverse of as_doubles for values it produced).
Values from_doubles(const std::vector<double>& values, Dtype dtype);

/// The spec named `name` in `specs`; throws std::logic_error when there is none.
const ArraySpec& find_spec(const std::vector<ArraySpec>& specs, const std::string& name);
/// A fixed dataset at `group` + "/" + spec.name, its units and description from the spec.
Dataset make_dataset(const std::string& group, const ArraySpec& spec, const Dims& dims,
                     Values values);

}  // namespace kindest::record
