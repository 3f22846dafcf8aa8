#include "engine/jobs/summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "engine/record/file_format.hpp"
#include "engine/record/hdf5_reader.hpp"

namespace kindest::jobs {
namespace {

struct Rows {
  std::vector<std::string> table, measure, strategy;
  std::vector<double> value;
};

Rows flatten(const Summary& summary) {
  Rows out;
  for (const auto& t : summary.tables) {
    if (!t.stored) continue;
    for (const auto& column : t.columns) {
      if (column.values.size() != t.rows.size())
        throw std::logic_error("summary table " + t.name + ": column " + column.measure + " has " +
                               std::to_string(column.values.size()) + " values for " +
                               std::to_string(t.rows.size()) + " rows");
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        out.table.push_back(t.name);
        out.measure.push_back(column.measure);
        out.strategy.push_back(t.rows[r]);
        out.value.push_back(column.values[r]);
      }
    }
  }
  return out;
}

bool is_integer(double v) { return std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15; }

ColumnFormat resolve(const SummaryColumn& c) {
  if (c.format != ColumnFormat::automatic) return c.format;
  bool integers = true, tiny = false;
  for (double v : c.values) {
    if (std::isnan(v)) continue;
    integers = integers && is_integer(v);
    tiny = tiny || (v != 0 && std::abs(v) < 1e-3);
  }
  return integers ? ColumnFormat::integer : tiny ? ColumnFormat::scientific : ColumnFormat::fixed4;
}

std::string cell(double v, ColumnFormat f) {
  if (std::isnan(v)) return "-";
  char buf[64];
  switch (f) {
    case ColumnFormat::integer:
      std::snprintf(buf, sizeof buf, "%.0f", v);
      break;
    case ColumnFormat::fixed6:
      std::snprintf(buf, sizeof buf, "%.6f", v);
      break;
    case ColumnFormat::scientific:
      std::snprintf(buf, sizeof buf, "%.3e", v);
      break;
    default:
      std::snprintf(buf, sizeof buf, "%.4f", v);
  }
  return buf;
}

std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}
std::string pad_right(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

}  // namespace

void write_summary(record::Hdf5Writer& writer, const Summary& summary) {
  Rows rows = flatten(summary);
  const record::Dims dims{{"K", rows.value.size()}};
  const auto& specs = record::summary_specs();
  writer.write(record::make_dataset("/summary", specs[0], dims, std::move(rows.table)));
  writer.write(record::make_dataset("/summary", specs[1], dims, std::move(rows.measure)));
  writer.write(record::make_dataset("/summary", specs[2], dims, std::move(rows.strategy)));
  writer.write(record::make_dataset("/summary", specs[3], dims, std::move(rows.value)));
}

void write_summary_values(record::Hdf5Writer& writer, const Summary& summary) {
  writer.overwrite("/summary/value", flatten(summary).value);
}

Summary without_values(Summary summary) {
  for (auto& t : summary.tables)
    for (auto& c : t.columns) c.values.assign(c.values.size(), std::nan(""));
  return summary;
}

Summary read_summary(const std::string& path) {
  Summary out;
  const auto info = record::describe_file(path);
  const bool present = std::any_of(info.datasets.begin(), info.datasets.end(),
                                   [](const auto& d) { return d.path == "/summary/value"; });
  if (!present) return out;
  const auto table = record::read_strings(path, "/summary/table");
  const auto measure = record::read_strings(path, "/summary/measure");
  const auto strategy = record::read_strings(path, "/summary/strategy");
  const auto value = record::read_numbers(path, "/summary/value");
  std::map<std::string, std::size_t> tables;
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto [it, added] = tables.try_emplace(table[i], out.tables.size());
    if (added) out.tables.push_back({.name = table[i], .title = table[i], .row_header = ""});
    auto& t = out.tables[it->second];
    auto row = std::find(t.rows.begin(), t.rows.end(), strategy[i]);
    const std::size_t r = static_cast<std::size_t>(row - t.rows.begin());
    if (row == t.rows.end()) {
      t.rows.push_back(strategy[i]);
      for (auto& c : t.columns) c.values.push_back(std::nan(""));
    }
    auto column = std::find_if(t.columns.begin(), t.columns.end(),
                               [&](const auto& c) { return c.measure == measure[i]; });
    if (column == t.columns.end()) {
      t.columns.push_back({.measure = measure[i], .heading = measure[i], .values = {}});
      t.columns.back().values.assign(t.rows.size(), std::nan(""));
      column = t.columns.end() - 1;
    }
    column->values[r] = value[i];
  }
  return out;
}

std::string summary_text(const Summary& summary) {
  std::string out;
  for (const auto& t : summary.tables) {
    if (!out.empty()) out += "\n";
    out += t.title + "\n";
    std::size_t label = t.row_header.size();
    for (const auto& r : t.rows) label = std::max(label, r.size());
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> width;
    for (const auto& c : t.columns) {
      const ColumnFormat f = resolve(c);
      std::vector<std::string> column;
      std::size_t w = std::max<std::size_t>(c.heading.size(), 8);
      for (double v : c.values) {
        column.push_back(cell(v, f));
        w = std::max(w, column.back().size());
      }
      cells.push_back(std::move(column));
      width.push_back(w);
    }
    out += "  " + pad_right(t.row_header, label);
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      out += "  " + pad_left(t.columns[c].heading, width[c]);
    out += "\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      out += "  " + pad_right(t.rows[r], label);
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        out += "  " + pad_left(cells[c][r], width[c]);
      out += "\n";
    }
  }
  return out;
}

}  // namespace kindest::jobs
