#include "engine/record/series_recorder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "engine/core/errors.hpp"

namespace kindest::record {
namespace {

// FNV-1a over 64-bit words: enough to tell a slot torn by a kill (some arrays old, some new)
// from a whole one; not a defence against tampering.
struct Fnv {
  std::uint64_t h = 14695981039346656037ull;
  void add(std::uint64_t word) {
    for (int k = 0; k < 8; ++k) {
      h ^= (word >> (8 * k)) & 0xff;
      h *= 1099511628211ull;
    }
  }
  void add(double x) {
    if (std::isnan(x)) return add(std::uint64_t{0x7ff8000000000001ull});  // any NaN alike
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    add(bits);
  }
};

const char* kSlotNames[2] = {"/checkpoint", "/checkpoint/alternate"};

}  // namespace

std::string group_path(const SeriesTable& table, std::size_t replicate) {
  const auto at = table.group.find("NNNN");
  if (at == std::string::npos) return table.group;
  char digits[32];
  std::snprintf(digits, sizeof digits, "%04zu", replicate);
  return table.group.substr(0, at) + digits + table.group.substr(at + 4);
}

const ArraySpec& checkpoint_generation_spec() {
  static const ArraySpec spec{"generation",
                              {"1"},
                              Dtype::uint64,
                              "generations",
                              "Last generation whose state this checkpoint holds; a resumed run "
                              "continues after it."};
  return spec;
}

const ArraySpec& checkpoint_stamp_spec() {
  static const ArraySpec spec{"stamp",
                              {"2"},
                              Dtype::uint64,
                              "-",
                              "Rows of every series this checkpoint covers, and a checksum of "
                              "the checkpoint (generation, rows and arrays) that tells a slot "
                              "torn by a crash from a whole one."};
  return spec;
}

SeriesRecorder::SeriesRecorder(Hdf5Writer& writer, SeriesTable table, Dims dims, std::size_t groups,
                               std::size_t expected_rows)
    : writer_(writer),
      table_(std::move(table)),
      dims_(std::move(dims)),
      expected_rows_(expected_rows),
      groups_(groups) {
  for (std::size_t g = 0; g < groups; ++g) {
    auto& group = groups_[g];
    for (const auto& s : table_.series) group.buffer.push_back(empty_values(s.dtype));
    for (std::size_t k = 0; k < 2; ++k) {
      group.slots[k].prefix = this->group(g) + kSlotNames[k];
      group.slots[k].written.assign(table_.checkpoint.size(), 0);
    }
  }
}

void SeriesRecorder::create(std::size_t g, const State& initial) {
  const std::string path = group(g);
  for (const auto& s : table_.series)
    writer_.create_series(path + "/" + s.name, resolve(s.shape, dims_), empty_values(s.dtype),
                          s.units, s.description, expected_rows_);
  if (table_.checkpoint.empty()) return;
  for (std::size_t k = 0; k < 2; ++k) {
    const std::string& prefix = groups_[g].slots[k].prefix;
    const auto& gen = checkpoint_generation_spec();
    const auto& stamp = checkpoint_stamp_spec();
    for (const auto& a : table_.checkpoint) {
      if (a.padded)
        writer_.create_padded(prefix + "/" + a.name, resolve(a.shape, dims_), a.units,
                              a.description);
      else
        writer_.write(make_dataset(
            prefix, a, dims_,
            from_doubles(std::vector<double>(size_of(resolve(a.shape, dims_)), 0), a.dtype)));
    }
    writer_.write(make_dataset(prefix, gen, dims_, std::vector<std::uint64_t>{0}));
    writer_.write(make_dataset(prefix, stamp, dims_, std::vector<std::uint64_t>{0, 0}));
    write_slot(g, k, initial, 0);
  }
  groups_[g].next_slot = 0;
}

void SeriesRecorder::create(std::size_t g) { create(g, State{}); }

std::uint64_t SeriesRecorder::checksum(const State& state, std::size_t rows, std::size_t) const {
  Fnv f;
  f.add(state.generation);
  f.add(static_cast<std::uint64_t>(rows));
  for (std::size_t a = 0; a < table_.checkpoint.size(); ++a) {
    const auto shape = resolve(table_.checkpoint[a].shape, dims_);
    const auto x = as_doubles(state.arrays.at(a));
    const std::size_t n = size_of(shape);
    for (std::size_t i = 0; i < n; ++i) f.add(i < x.size() ? x[i] : std::nan(""));
  }
  return f.h;
}

void SeriesRecorder::write_slot(std::size_t g, std::size_t k, const State& state,
                                std::size_t rows) {
  Slot& slot = groups_[g].slots[k];
  if (state.arrays.size() != table_.checkpoint.size())
    throw std::logic_error("checkpoint of " + group(g) + ": wrong number of arrays");
  for (std::size_t a = 0; a < table_.checkpoint.size(); ++a) {
    const ArraySpec& spec = table_.checkpoint[a];
    const std::string path = slot.prefix + "/" + spec.name;
    if (!spec.padded) {
      writer_.overwrite(path, state.arrays[a]);
      continue;
    }
    // Rows past this checkpoint's but written before are rewritten as NaN; rows never written
    // read as NaN already and take no space.
    const auto shape = resolve(spec.shape, dims_);
    const std::size_t row = size_of(shape) / shape[0];
    auto x = as_doubles(state.arrays[a]);
    if (x.size() % row != 0 || x.size() > size_of(shape))
      throw std::logic_error("checkpoint " + path + ": not whole rows within its capacity");
    const std::size_t n = std::max(x.size() / row, slot.written[a]);
    x.resize(n * row, std::nan(""));
    writer_.overwrite_rows(path, x);
    slot.written[a] = n;
  }
  writer_.overwrite(slot.prefix + "/generation", std::vector<std::uint64_t>{state.generation});
  writer_.overwrite(slot.prefix + "/stamp",
                    std::vector<std::uint64_t>{rows, checksum(state, rows, g)});
}

std::optional<SeriesRecorder::State> SeriesRecorder::read_slot(std::size_t g, std::size_t k,
                                                               std::size_t& rows) {
  Slot& slot = groups_[g].slots[k];
  if (!writer_.exists(slot.prefix + "/stamp")) return std::nullopt;  // e.g. format 1.2
  State s;
  for (std::size_t a = 0; a < table_.checkpoint.size(); ++a) {
    const ArraySpec& spec = table_.checkpoint[a];
    const auto x = writer_.read_numbers(slot.prefix + "/" + spec.name);
    if (spec.padded) {  // rows up to the last holding a number have been written
      const auto shape = resolve(spec.shape, dims_);
      const std::size_t row = size_of(shape) / shape[0];
      std::size_t last = 0;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i])) last = i / row + 1;
      slot.written[a] = last;
    }
    s.arrays.push_back(spec.dtype == Dtype::float64 ? Values(x) : from_doubles(x, spec.dtype));
  }
  // Read exactly: a checksum read through a double would lose its low bits.
  const auto generation = writer_.read_uint64(slot.prefix + "/generation");
  const auto stamp = writer_.read_uint64(slot.prefix + "/stamp");
  if (generation.size() != 1 || stamp.size() != 2) return std::nullopt;
  s.generation = generation[0];
  rows = static_cast<std::size_t>(stamp[0]);
  if (stamp[1] != checksum(s, rows, g)) return std::nullopt;
  for (const auto& spec : table_.series)
    if (writer_.rows(group(g) + "/" + spec.name) < rows) return std::nullopt;
  // The rows it covers are records up to its generation, not after (the key is a generation).
  if (rows > 0 && !table_.series.empty() &&
      writer_.read_rows(group(g) + "/" + table_.series[0].name, rows - 1, 1).at(0) >
          static_cast<double>(s.generation))
    return std::nullopt;
  return s;
}

SeriesRecorder::State SeriesRecorder::resume(std::size_t g) {
  Group& group = groups_[g];
  State chosen;
  std::size_t chosen_rows = 0;
  int best = -1;
  for (std::size_t k = 0; k < 2; ++k) {
    std::size_t rows = 0;
    const auto s = read_slot(g, k, rows);
    if (!s) continue;
    if (best < 0 || s->generation > chosen.generation) {
      chosen = *s;
      chosen_rows = rows;
      best = static_cast<int>(k);
    }
  }
  if (best < 0)
    throw FileError("cannot resume '" + writer_.path() + "': " + this->group(g) +
                    " has no consistent checkpoint (both slots torn or ahead of the rows on "
                    "file)");
  group.rows = chosen_rows;
  group.truncate = true;
  group.next_slot = 1 - static_cast<std::size_t>(best);
  return chosen;
}

std::size_t SeriesRecorder::rows(std::size_t g) {
  std::lock_guard lock(mutex_);
  return groups_[g].rows;
}

void SeriesRecorder::record(std::size_t g, const Row& row) {
  auto& buffer = groups_[g].buffer;
  if (row.size() != buffer.size())
    throw std::logic_error("record for " + group(g) + ": wrong number of series");
  for (std::size_t k = 0; k < row.size(); ++k)
    std::visit(
        [&](auto& into) {
          using V = std::decay_t<decltype(into)>;
          const auto* from = std::get_if<V>(&row[k]);
          if (!from) throw std::logic_error("record: " + table_.series[k].name + " dtype");
          into.insert(into.end(), from->begin(), from->end());
        },
        buffer[k]);
}

void SeriesRecorder::drop_uncovered(std::size_t g) {
  Group& group = groups_[g];
  if (!group.truncate) return;
  for (const auto& spec : table_.series)
    writer_.truncate(this->group(g) + "/" + spec.name, group.rows);
  group.truncate = false;
}

void SeriesRecorder::append(std::size_t g) {
  drop_uncovered(g);
  Group& group = groups_[g];
  std::size_t added = 0;
  for (std::size_t k = 0; k < table_.series.size(); ++k) {
    const std::size_t row = size_of(resolve(table_.series[k].shape, dims_));
    const std::size_t n = std::visit([](const auto& v) { return v.size(); }, group.buffer[k]);
    if (k == 0) added = n / row;
    if (n != added * row)
      throw std::logic_error("record for " + this->group(g) + ": series of different lengths");
    writer_.append(this->group(g) + "/" + table_.series[k].name, group.buffer[k]);
    group.buffer[k] = empty_values(table_.series[k].dtype);
  }
  group.rows += added;
}

void SeriesRecorder::write_rows(std::size_t g) {
  std::lock_guard lock(mutex_);
  append(g);
}

void SeriesRecorder::checkpoint(std::size_t g, const State& state, bool flush) {
  std::lock_guard lock(mutex_);
  append(g);
  Group& group = groups_[g];
  group.pending = state;
  group.pending_rows = group.rows;
  if (flush) {
    writer_.flush();
    write_pending();
  }
}

void SeriesRecorder::write_pending() {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    Group& group = groups_[g];
    if (!group.pending) continue;
    write_slot(g, group.next_slot, *group.pending, group.pending_rows);
    group.next_slot = 1 - group.next_slot;
    group.pending.reset();
    group.wrote = true;
  }
}

void SeriesRecorder::flush() {
  std::lock_guard lock(mutex_);
  writer_.flush();
  write_pending();
}

void SeriesRecorder::finish() {
  std::lock_guard lock(mutex_);
  for (std::size_t g = 0; g < groups_.size(); ++g) drop_uncovered(g);
  writer_.flush();
  write_pending();
  writer_.flush();
  if (table_.checkpoint.empty()) return;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    Group& group = groups_[g];
    if (!group.wrote) continue;
    std::size_t rows = 0;
    const auto newest = read_slot(g, 1 - group.next_slot, rows);
    if (!newest) throw std::logic_error("finish: " + this->group(g) + " checkpoint unreadable");
    write_slot(g, group.next_slot, *newest, rows);
  }
  writer_.flush();
}

}  // namespace kindest::record
