#include "engine/sweep/sweep_file.hpp"

#include <cmath>

#include "engine/config/load.hpp"
#include "engine/config/values.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/version.hpp"
#include "engine/record/hdf5_reader.hpp"

namespace kindest::sweep {
namespace {

constexpr const char* kSlots[2] = {"/sweep/commit_0", "/sweep/commit_1"};
const record::SeriesTable* const kSeries[4] = {&points_table(), &summary_table(), &columns_table(),
                                               &failures_table()};

std::uint64_t checksum(const std::uint64_t* words, std::size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a over the words' bytes
  for (std::size_t i = 0; i < n; ++i)
    for (int b = 0; b < 8; ++b) h = (h ^ ((words[i] >> (8 * b)) & 0xff)) * 0x100000001b3ull;
  return h;
}

std::string series_path(const record::SeriesTable& t, std::size_t k) {
  return t.group + "/" + t.series[k].name;
}

double as_number(const std::string& text) {
  const auto x = config::parse_real(text);
  return x.status == config::NumberStatus::ok ? x.value : std::nan("");
}

// The sweep's own /summary (every Kindest file has one): how many rows ran and how many failed.
jobs::Summary sweep_summary(double rows, double failed) {
  return {{{.name = "sweep",
            .title = "Sweep",
            .row_header = "",
            .rows = {"all"},
            .columns = {{"rows", "rows", {rows}, jobs::ColumnFormat::integer},
                        {"failed_rows", "failed", {failed}, jobs::ColumnFormat::integer}}}}};
}

std::string release_line(const std::string& version) {
  const auto first = version.find('.');
  if (first == std::string::npos) return version;
  return version.substr(0, version.find('.', first + 1));
}

}  // namespace

SweepFile::SweepFile(const std::string& path, bool overwrite, const record::FileMetadata& metadata,
                     const Grid& grid, std::size_t replicates)
    : writer_(std::make_unique<record::Hdf5Writer>(path, overwrite, metadata)),
      keys_(grid.keys().size()) {
  const auto& specs = sweep_specs();
  const record::Dims dims{{"V", keys_}};
  writer_->write(record::make_dataset("/sweep", specs[0], dims, grid.keys()));
  writer_->write(
      record::make_dataset("/sweep", specs[1], dims, std::vector<std::string>{grid.text()}));
  writer_->write(
      record::make_dataset("/sweep", specs[2], dims, std::vector<std::uint64_t>{replicates}));
  // Both slots start whole and covering no rows: a sweep killed before its first commit resumes
  // from row 0.
  std::vector<std::uint64_t> empty(6, 0);
  empty[5] = checksum(empty.data(), 5);
  for (std::size_t s = 0; s < 2; ++s)
    writer_->write(record::make_dataset("/sweep", specs[3 + s], dims, empty));
  for (const auto* t : kSeries) create_series(*t, dims);
  jobs::write_summary(*writer_, jobs::without_values(sweep_summary(0, 0)));
  writer_->start_swmr();
}

SweepFile::SweepFile(const std::string& path) {
  {
    // Find the newest whole commit and drop what lies past it, then close: the labels of the
    // summary columns are read back with the reader, and only from whole rows.
    record::Hdf5Writer w(path);
    std::size_t rows[4];
    for (std::size_t s = 0; s < 4; ++s) rows[s] = w.rows(series_path(*kSeries[s], 0));
    bool found = false;
    for (const char* slot : kSlots) {
      const auto words = w.read_uint64(slot);
      if (words.size() != 6 || words[5] != checksum(words.data(), 5)) continue;
      bool covered = true;
      for (std::size_t s = 0; s < 4; ++s) covered = covered && words[1 + s] <= rows[s];
      if (!covered || (found && words[0] <= sequence_)) continue;
      found = true;
      sequence_ = words[0];
      for (std::size_t s = 0; s < 4; ++s) committed_[s] = words[1 + s];
    }
    if (!found)
      throw FileError("cannot resume '" + path + "': no whole commit slot; start it again");
    for (std::size_t s = 0; s < 4; ++s)
      for (std::size_t k = 0; k < kSeries[s]->series.size(); ++k)
        w.truncate(series_path(*kSeries[s], k), committed_[s]);
    w.flush();
  }
  keys_ = record::read_strings(path, "/sweep/keys").size();
  const auto table = record::read_strings(path, "/sweep/columns/table");
  const auto measure = record::read_strings(path, "/sweep/columns/measure");
  const auto strategy = record::read_strings(path, "/sweep/columns/strategy");
  for (std::size_t c = 0; c < table.size(); ++c)
    columns_[{table[c], measure[c], strategy[c]}] = static_cast<std::uint32_t>(c);
  column_count_ = table.size();
  writer_ = std::make_unique<record::Hdf5Writer>(path);
  writer_->start_swmr();
}

void SweepFile::create_series(const record::SeriesTable& table, const record::Dims& dims) {
  for (const auto& spec : table.series)
    writer_->create_series(table.group + "/" + spec.name, record::resolve(spec.shape, dims),
                           record::empty_values(spec.dtype), spec.units, spec.description);
}

std::uint32_t SweepFile::column(const std::string& table, const std::string& measure,
                                const std::string& strategy) {
  auto [it, added] =
      columns_.try_emplace({table, measure, strategy}, static_cast<std::uint32_t>(column_count_));
  if (added) {
    ++column_count_;
    column_table_.push_back(table);
    column_measure_.push_back(measure);
    column_strategy_.push_back(strategy);
  }
  return it->second;
}

void SweepFile::add(const Grid& grid, PointRow row) {
  const std::uint64_t n = rows();
  point_.push_back(row.point);
  replicate_.push_back(row.replicate);
  seed_.push_back(row.seed);
  status_.push_back(static_cast<std::uint32_t>(row.status));
  wall_.push_back(row.wall_seconds);
  for (const auto& v : grid.values(row.point)) {
    number_.push_back(as_number(v));
    value_.push_back(v);
  }
  if (row.status == PointStatus::failed) {
    failure_row_.push_back(n);
    message_.push_back(row.error);
    return;
  }
  // The job's stored summary tables, flattened in the order write_summary writes /summary.
  for (const auto& t : row.summary.tables) {
    if (!t.stored) continue;
    for (const auto& c : t.columns)
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        summary_row_.push_back(n);
        summary_column_.push_back(column(t.name, c.measure, t.rows[r]));
        summary_value_.push_back(c.values[r]);
      }
  }
}

void SweepFile::commit() {
  auto put = [&](const record::SeriesTable& t, std::size_t k, auto& values) {
    writer_->append(series_path(t, k), record::Values(std::move(values)));
    values.clear();
  };
  const std::uint64_t added[4] = {point_.size(), summary_row_.size(), column_table_.size(),
                                  failure_row_.size()};
  const auto& p = points_table();
  put(p, 0, point_);
  put(p, 1, replicate_);
  put(p, 2, seed_);
  put(p, 3, status_);
  put(p, 4, wall_);
  put(p, 5, value_);
  put(p, 6, number_);
  put(summary_table(), 0, summary_row_);
  put(summary_table(), 1, summary_column_);
  put(summary_table(), 2, summary_value_);
  put(columns_table(), 0, column_table_);
  put(columns_table(), 1, column_measure_);
  put(columns_table(), 2, column_strategy_);
  put(failures_table(), 0, failure_row_);
  put(failures_table(), 1, message_);
  for (std::size_t s = 0; s < 4; ++s) committed_[s] += added[s];
  writer_->flush();  // the rows first: a slot must never cover rows that are not on disk
  write_slot();
  writer_->flush();
}

void SweepFile::write_slot() {
  ++sequence_;
  std::vector<std::uint64_t> words = {sequence_,     committed_[0], committed_[1],
                                      committed_[2], committed_[3], 0};
  words[5] = checksum(words.data(), 5);
  // Slots alternate, so the one not written now still holds the previous whole commit.
  writer_->overwrite(kSlots[sequence_ % 2], words);
}

void SweepFile::finish() {
  commit();
  // Both slots alike and numbered 1: how many commits a run made depends on its timing, and a
  // finished file must not.
  std::vector<std::uint64_t> words = {1, committed_[0], committed_[1], committed_[2], committed_[3],
                                      0};
  words[5] = checksum(words.data(), 5);
  for (const char* slot : kSlots) writer_->overwrite(slot, words);
  jobs::write_summary_values(*writer_, sweep_summary(static_cast<double>(committed_[0]),
                                                     static_cast<double>(committed_[3])));
  writer_->mark_complete();
}

void check_resumable(const std::string& path, const std::string& config_ini,
                     const std::string& config_source, const Grid& grid, std::size_t replicates) {
  const auto stored = record::read_attributes(path);
  const std::string version = "[" + std::to_string(record::kFormatMajor) + ", " +
                              std::to_string(record::kFormatMinor) + "]";
  if (stored.count("format_version") == 0 || stored.at("format_version") != version)
    throw FileError("cannot resume '" + path + "': it has format version " +
                    (stored.count("format_version") ? stored.at("format_version") : "none") +
                    ", this Kindest writes " + version);
  const std::string written_by = stored.count("engine_version") ? stored.at("engine_version") : "";
  if (release_line(written_by) != release_line(engine_version))
    throw FileError("cannot resume '" + path + "': it was written by Kindest " + written_by +
                    ", this is " + engine_version + "; finish it with the Kindest that wrote it");
  if (stored.count("job") == 0 || stored.at("job") != "sweep")
    throw FileError("cannot resume '" + path + "': it holds no sweep");
  const auto a = config::load_config_text(config_ini, config_source, {});
  const auto b = config::load_config_text(stored.at("config"), path, {});
  const auto diff = config::differences(a, b, {"run.output"});
  if (!diff.empty())
    throw ConfigError("cannot resume '" + path + "': its base config differs from this one (" +
                      config::describe(diff, "this config", "the file") + ")");
  const auto grid_text = record::read_strings(path, "/sweep/grid");
  if (grid_text.size() != 1 || grid_text[0] != grid.text())
    throw ConfigError("cannot resume '" + path + "': it holds another grid:\n" +
                      (grid_text.empty() ? std::string() : grid_text[0]) + "this sweep is:\n" +
                      grid.text());
  const auto r = record::read_numbers(path, "/sweep/replicates");
  if (r.size() != 1 || r[0] != static_cast<double>(replicates))
    throw ConfigError("cannot resume '" + path + "': it has " +
                      (r.empty() ? std::string("?") : std::to_string(static_cast<long>(r[0]))) +
                      " replicates per point, this sweep " + std::to_string(replicates));
  if (stored.at("complete") == "1")
    throw FileError("'" + path + "' is complete; nothing to resume");
}

}  // namespace kindest::sweep
