#include "engine/sweep/row_message.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "engine/core/errors.hpp"

namespace kindest::sweep {
namespace {

// Both ends are the same binary on the same kind of machine (one MPI job), so numbers go in
// their native byte order; a version byte would buy nothing.
class Writer {
 public:
  template <class T>
  void put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void put(const std::string& s) {
    put<std::uint64_t>(s.size());
    out_ += s;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <class T>
  T get() {
    T v;
    need(sizeof v);
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  std::string text() {
    const auto n = get<std::uint64_t>();
    need(n);
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  std::size_t count() {
    const auto n = get<std::uint64_t>();
    need(n);  // every element takes at least a byte: a bad count cannot allocate the world
    return static_cast<std::size_t>(n);
  }
  bool done() const { return at_ == in_.size(); }

 private:
  void need(std::uint64_t n) const {
    if (n > in_.size() - at_) throw FileError("sweep error: a truncated row message from a rank");
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode_row(const PointRow& row) {
  Writer w;
  w.put(row.point);
  w.put(row.replicate);
  w.put(row.seed);
  w.put(static_cast<std::uint32_t>(row.status));
  w.put(row.wall_seconds);
  w.put(row.error);
  std::uint64_t stored = 0;
  for (const auto& t : row.summary.tables) stored += t.stored ? 1 : 0;
  w.put(stored);
  for (const auto& t : row.summary.tables) {
    if (!t.stored) continue;
    w.put(t.name);
    w.put<std::uint64_t>(t.rows.size());
    for (const auto& r : t.rows) w.put(r);
    w.put<std::uint64_t>(t.columns.size());
    for (const auto& c : t.columns) {
      w.put(c.measure);
      w.put<std::uint64_t>(c.values.size());
      for (double v : c.values) w.put(v);
    }
  }
  return w.take();
}

PointRow decode_row(std::string_view bytes) {
  Reader r(bytes);
  PointRow row;
  row.point = r.get<std::uint64_t>();
  row.replicate = r.get<std::uint32_t>();
  row.seed = r.get<std::uint64_t>();
  const auto status = r.get<std::uint32_t>();
  if (status != static_cast<std::uint32_t>(PointStatus::done) &&
      status != static_cast<std::uint32_t>(PointStatus::failed))
    throw FileError("sweep error: a row message with status " + std::to_string(status));
  row.status = static_cast<PointStatus>(status);
  row.wall_seconds = r.get<double>();
  row.error = r.text();
  row.summary.tables.resize(r.count());
  for (auto& t : row.summary.tables) {
    t.name = t.title = r.text();
    t.rows.resize(r.count());
    for (auto& label : t.rows) label = r.text();
    t.columns.resize(r.count());
    for (auto& c : t.columns) {
      c.measure = c.heading = r.text();
      c.values.resize(r.count());
      for (double& v : c.values) v = r.get<double>();
    }
  }
  if (!r.done()) throw FileError("sweep error: a row message with bytes left over");
  return row;
}

}  // namespace kindest::sweep
