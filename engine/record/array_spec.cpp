#include "engine/record/array_spec.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <type_traits>

namespace kindest::record {

std::vector<std::size_t> resolve(const std::vector<std::string>& shape, const Dims& dims) {
  std::vector<std::size_t> out;
  for (const auto& s : shape) {
    if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos) {
      out.push_back(std::stoull(s));
      continue;
    }
    const auto it = dims.find(s);
    if (it == dims.end()) throw std::logic_error("array shape: symbol " + s + " is not bound");
    out.push_back(it->second);
  }
  return out;
}

std::size_t size_of(const std::vector<std::size_t>& shape) {
  return std::accumulate(shape.begin(), shape.end(), std::size_t{1}, std::multiplies<>());
}

const char* dtype_name(Dtype dtype) {
  switch (dtype) {
    case Dtype::float64:
      return "float64";
    case Dtype::uint64:
      return "uint64";
    case Dtype::uint32:
      return "uint32";
    case Dtype::string:
      return "UTF-8 string";
  }
  return "?";
}

Values empty_values(Dtype dtype) {
  switch (dtype) {
    case Dtype::float64:
      return std::vector<double>{};
    case Dtype::uint64:
      return std::vector<std::uint64_t>{};
    case Dtype::uint32:
      return std::vector<std::uint32_t>{};
    case Dtype::string:
      return std::vector<std::string>{};
  }
  return std::vector<double>{};
}

Dtype dtype_of(const Values& values) {
  static constexpr Dtype order[] = {Dtype::float64, Dtype::uint64, Dtype::uint32, Dtype::string};
  return order[values.index()];
}

std::vector<double> as_doubles(const Values& values) {
  return std::visit(
      [](const auto& v) -> std::vector<double> {
        using V = typename std::decay_t<decltype(v)>::value_type;
        if constexpr (std::is_same_v<V, std::string>)
          throw std::logic_error("as_doubles: string values");
        else
          return std::vector<double>(v.begin(), v.end());
      },
      values);
}

Values from_doubles(const std::vector<double>& values, Dtype dtype) {
  switch (dtype) {
    case Dtype::float64:
      return values;
    case Dtype::uint64: {
      std::vector<std::uint64_t> out;
      for (double x : values) out.push_back(static_cast<std::uint64_t>(x));
      return out;
    }
    case Dtype::uint32: {
      std::vector<std::uint32_t> out;
      for (double x : values) out.push_back(static_cast<std::uint32_t>(x));
      return out;
    }
    case Dtype::string:
      break;
  }
  throw std::logic_error("from_doubles: string dtype");
}

const ArraySpec& find_spec(const std::vector<ArraySpec>& specs, const std::string& name) {
  for (const auto& s : specs)
    if (s.name == name) return s;
  throw std::logic_error("no dataset spec named " + name);
}

Dataset make_dataset(const std::string& group, const ArraySpec& spec, const Dims& dims,
                     Values values) {
  if (dtype_of(values) != spec.dtype)
    throw std::logic_error("dataset " + group + "/" + spec.name + ": values are not " +
                           dtype_name(spec.dtype));
  return Dataset{group + "/" + spec.name, resolve(spec.shape, dims), std::move(values), spec.units,
                 spec.description};
}

}  // namespace kindest::record
