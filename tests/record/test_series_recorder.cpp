// The series recorder's seams: rows appended per group, every series of the table truncated on
// resume to what the checkpoint covers (also after a crash between append and checkpoint), torn
// or uncovered checkpoint slots passed over, and replicate groups named past r9999.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/record/series_recorder.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using namespace kindest::record;
using kindest::testing::TempDir;

namespace {

// Three series of three dtypes and a checkpoint with a fixed and a padded array.
const SeriesTable kTable{"/runs/rNNNN",
                         {{"key", {}, Dtype::uint64, "generations", "the key"},
                          {"pair", {"2"}, Dtype::uint32, "-", "two numbers"},
                          {"value", {"S"}, Dtype::float64, "-", "S numbers"}},
                         {{"state", {"S"}, Dtype::uint32, "-", "the state"},
                          {"list", {"C", "2"}, Dtype::float64, "-", "a padded list", true}}};
const Dims kDims{{"S", 3}, {"C", 5}};

SeriesRecorder::Row row(std::uint64_t k) {
  const double x = static_cast<double>(k);
  return {std::vector<std::uint64_t>{k},
          std::vector<std::uint32_t>{static_cast<std::uint32_t>(k), 7},
          std::vector<double>{x, x + 0.5, -x}};
}

SeriesRecorder::State state(std::uint64_t g, std::size_t list_rows) {
  std::vector<double> list;
  for (std::size_t i = 0; i < 2 * list_rows; ++i) list.push_back(static_cast<double>(g + i));
  return {g, {std::vector<std::uint32_t>{static_cast<std::uint32_t>(g), 1, 2}, list}};
}

std::size_t rows_of(const std::string& path, const std::string& dataset, std::size_t row) {
  return read_numbers(path, dataset).size() / row;
}

// A file with groups r0000 and r0001: rows 0..4 checkpointed at generation 40 (flushed), then
// rows 5..7 appended and flushed but their checkpoint (generation 70) never written: a crash
// between append and checkpoint.
void crashed_file(const std::string& path) {
  Hdf5Writer w(path, false, {.job = "test", .seed = 1, .config_ini = ""});
  SeriesRecorder rec(w, kTable, kDims, 2, 8);
  rec.create(0, state(0, 1));
  rec.create(1, state(0, 1));
  w.start_swmr();
  for (std::uint64_t k = 0; k < 5; ++k) rec.record(0, row(k));
  rec.checkpoint(0, state(40, 3), true);  // rows 0..4 flushed, then the slot written
  rec.flush();                            // and flushed
  for (std::uint64_t k = 5; k < 8; ++k) rec.record(0, row(k));
  rec.checkpoint(0, state(70, 2), false);  // rows appended; the state waits for a flush ...
  w.flush();                               // ... rows reach the disk, the process dies here
}

}  // namespace

TEST_CASE("series recorder: groups are r + at least four digits", "[record][series]") {
  CHECK(group_path(kTable, 0) == "/runs/r0000");
  CHECK(group_path(kTable, 9999) == "/runs/r9999");
  CHECK(group_path(kTable, 10000) == "/runs/r10000");
  CHECK(group_path(kTable, 1234567) == "/runs/r1234567");
  CHECK(group_path({"/replicator", {}, {}}, 3) == "/replicator");
}

TEST_CASE("series recorder: rows, units and checkpoints round-trip", "[record][series]") {
  TempDir dir;
  const auto path = dir.file("s.h5");
  {
    Hdf5Writer w(path, false, {.job = "test", .seed = 1, .config_ini = ""});
    SeriesRecorder rec(w, kTable, kDims, 1, 4);
    rec.create(0, state(0, 1));
    w.start_swmr();
    for (std::uint64_t k = 0; k < 4; ++k) rec.record(0, row(k));
    CHECK(rec.rows(0) == 0);  // buffered
    rec.checkpoint(0, state(3, 2), true);
    CHECK(rec.rows(0) == 4);
    rec.finish();
    w.mark_complete();
  }
  CHECK(read_numbers(path, "/runs/r0000/key") == std::vector<double>{0, 1, 2, 3});
  CHECK(read_numbers(path, "/runs/r0000/pair") == std::vector<double>{0, 7, 1, 7, 2, 7, 3, 7});
  CHECK(rows_of(path, "/runs/r0000/value", 3) == 4);
  for (const char* slot : {"/runs/r0000/checkpoint", "/runs/r0000/checkpoint/alternate"}) {
    INFO(slot);  // both slots hold the last state at the end
    CHECK(read_numbers(path, std::string(slot) + "/generation") == std::vector<double>{3});
    CHECK(read_numbers(path, std::string(slot) + "/state") == std::vector<double>{3, 1, 2});
    const auto list = read_numbers(path, std::string(slot) + "/list");
    REQUIRE(list.size() == 10);
    CHECK(list[3] == 6);
    CHECK(std::isnan(list[4]));
    CHECK(read_numbers(path, std::string(slot) + "/stamp")[0] == 4);
  }
  for (const auto& d : describe_file(path).datasets)
    if (d.path == "/runs/r0000/value") CHECK(d.description == "S numbers");
}

TEST_CASE("series recorder: a row of the wrong shape or dtype is a logic error",
          "[record][series]") {
  TempDir dir;
  Hdf5Writer w(dir.file("s.h5"), false, {.job = "test", .seed = 1, .config_ini = ""});
  SeriesRecorder rec(w, kTable, kDims, 1, 4);
  rec.create(0, state(0, 1));
  CHECK_THROWS_AS(rec.record(0, {std::vector<std::uint64_t>{1}}), std::logic_error);
  CHECK_THROWS_AS(rec.record(0, {std::vector<double>{1}, std::vector<std::uint32_t>{1, 2},
                                 std::vector<double>{1, 2, 3}}),
                  std::logic_error);
  rec.record(0, {std::vector<std::uint64_t>{1}, std::vector<std::uint32_t>{1},
                 std::vector<double>{1, 2, 3}});  // pair is short: found at append
  CHECK_THROWS_AS(rec.checkpoint(0, state(1, 1), false), std::logic_error);
}

TEST_CASE(
    "series recorder: resume after a crash between append and checkpoint truncates every "
    "series",
    "[record][series]") {
  TempDir dir;
  const auto path = dir.file("crash.h5");
  crashed_file(path);
  CHECK(rows_of(path, "/runs/r0000/key", 1) == 8);  // the rows the checkpoint does not cover
  Hdf5Writer w(path);
  SeriesRecorder rec(w, kTable, kDims, 2, 8);
  const auto s = rec.resume(0);
  CHECK(s.generation == 40);
  CHECK(std::get<std::vector<std::uint32_t>>(s.arrays[0]) == std::vector<std::uint32_t>{40, 1, 2});
  const auto list = std::get<std::vector<double>>(s.arrays[1]);
  REQUIRE(list.size() == 10);
  CHECK(list[5] == 45);
  CHECK(std::isnan(list[6]));
  CHECK(rec.rows(0) == 5);
  CHECK(rec.resume(1).generation == 0);  // never checkpointed: the initial state, no rows
  CHECK(rec.rows(1) == 0);
  CHECK(w.rows("/runs/r0000/key") == 8);  // unchanged until the writer is in SWMR mode ...
  w.start_swmr();
  rec.record(0, row(50));
  rec.checkpoint(0, state(51, 1), false);  // ... and the group's next rows are appended
  CHECK(w.read_uint64("/runs/r0000/key") == std::vector<std::uint64_t>{0, 1, 2, 3, 4, 50});
  rec.finish();  // or the run ends
  CHECK(w.rows("/runs/r0000/key") == 6);
  CHECK(w.rows("/runs/r0000/pair") == 6);
  CHECK(w.rows("/runs/r0000/value") == 6);
}

TEST_CASE("series recorder: resume passes over a torn slot and one ahead of the rows",
          "[record][series]") {
  TempDir dir;
  const auto path = dir.file("torn.h5");
  {
    Hdf5Writer w(path, false, {.job = "test", .seed = 1, .config_ini = ""});
    SeriesRecorder rec(w, kTable, kDims, 1, 8);
    rec.create(0, state(0, 1));
    w.start_swmr();
    for (std::uint64_t k = 0; k < 3; ++k) rec.record(0, row(k));
    rec.checkpoint(0, state(20, 1), true);  // slot 0: generation 20, rows 3
    for (std::uint64_t k = 3; k < 6; ++k) rec.record(0, row(k));
    rec.checkpoint(0, state(50, 2), true);  // slot 1: generation 50, rows 6
    rec.flush();
  }
  {  // tear the newest slot: its state changes, its stamp does not
    Hdf5Writer w(path);
    w.overwrite("/runs/r0000/checkpoint/alternate/state", std::vector<std::uint32_t>{9, 9, 9});
    w.flush();
  }
  {
    Hdf5Writer w(path);
    SeriesRecorder rec(w, kTable, kDims, 1, 8);
    CHECK(rec.resume(0).generation == 20);
    rec.finish();
    CHECK(w.rows("/runs/r0000/value") == 3);
  }
  {  // now both slots claim rows the series no longer have
    Hdf5Writer w(path);
    w.truncate("/runs/r0000/pair", 2);
    SeriesRecorder rec(w, kTable, kDims, 1, 8);
    CHECK_THROWS_WITH(rec.resume(0), Catch::Matchers::Contains("no consistent checkpoint"));
  }
}
