#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "engine/core/errors.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/record/hdf5_writer.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using namespace kindest::record;
using kindest::testing::TempDir;

TEST_CASE("hdf5: datasets round-trip with shape, dtype, units and description", "[record]") {
  TempDir dir;
  const auto path = dir.file("r.h5");
  {
    Hdf5Writer w(path, false, {.job = "test", .seed = 3, .config_ini = "[run]\nseed = 3\n"});
    w.write(Dataset{"/g/a", {2, 3}, std::vector<double>{1, 2, 3, 4, 5, 6.5}, "m", "six numbers"});
    w.write(Dataset{"/g/h/b", {2}, std::vector<std::uint64_t>{7, 8}, "-", "two counts"});
    w.write(Dataset{"/names", {2}, std::vector<std::string>{"Tit For Tat", "ALLD"}, "-", "names"});
    w.mark_complete();
  }
  const auto s = describe_file(path);
  CHECK(s.attributes.at("complete") == "1");
  CHECK(s.attributes.at("seed") == "3");
  CHECK(s.attributes.at("format_version") ==
        "[" + std::to_string(kFormatMajor) + ", " + std::to_string(kFormatMinor) + "]");
  REQUIRE(s.datasets.size() == 3);
  CHECK(s.datasets[0].path == "/g/a");
  CHECK(s.datasets[0].shape == std::vector<std::size_t>{2, 3});
  CHECK(s.datasets[0].dtype == "float64");
  CHECK(s.datasets[0].units == "m");
  CHECK(s.datasets[1].dtype == "uint64");
  CHECK(read_numbers(path, "/g/a") == std::vector<double>{1, 2, 3, 4, 5, 6.5});
  CHECK(read_strings(path, "/names") == std::vector<std::string>{"Tit For Tat", "ALLD"});
}

TEST_CASE("hdf5: a file whose run did not finish stays marked incomplete", "[record]") {
  TempDir dir;
  const auto path = dir.file("r.h5");
  {
    Hdf5Writer w(path, false, {.job = "test", .seed = 1, .config_ini = ""});
    w.write(Dataset{"/x", {1}, std::vector<double>{1}, "-", ""});
    w.flush();
  }  // no mark_complete: as after an interruption
  CHECK(describe_file(path).attributes.at("complete") == "0");
  CHECK(read_numbers(path, "/x") == std::vector<double>{1});
}

TEST_CASE("hdf5: refuses to overwrite and reports unusable paths", "[record][bad-input]") {
  TempDir dir;
  const auto path = dir.write("exists.h5", "x");
  CHECK_THROWS_AS(Hdf5Writer(path, false, {}), FileError);
  CHECK_THROWS_AS(Hdf5Writer(dir.file("nope/x.h5"), false, {}), FileError);
  CHECK_THROWS_AS(describe_file(path), FileError);  // not HDF5
}

TEST_CASE("hdf5: padded datasets read NaN past their rows and are rewritten in place", "[record]") {
  TempDir dir;
  const auto path = dir.file("p.h5");
  const auto size = [&] { return std::filesystem::file_size(path); };
  std::uintmax_t after_first = 0;
  {
    Hdf5Writer w(path, false, {.job = "test", .seed = 1, .config_ini = ""});
    w.create_padded("/c/rules", {1000, 4}, "probability", "padded");
    w.overwrite_rows("/c/rules", {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8});
    CHECK_THROWS_AS(w.overwrite_rows("/c/rules", {1, 2, 3}), std::logic_error);  // not a row
    w.start_swmr();
    w.flush();
    after_first = size();
    // A checkpoint rewritten a thousand times while readers may look: its rows keep their
    // place on disk (compressed datasets would move and leave the old space unused).
    for (int k = 0; k < 1000; ++k) {
      w.overwrite_rows("/c/rules", std::vector<double>(40, k));
      w.flush();
    }
    w.overwrite_rows("/c/rules", {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8});
    w.mark_complete();
  }
  CHECK(size() < after_first + 64 * 1024);
  const auto v = read_numbers(path, "/c/rules");
  REQUIRE(v.size() == 4000);
  CHECK(v[0] == 0.1);
  CHECK(v[7] == 0.8);
  CHECK(v[8] == 999);  // rows 2-9 keep the last values written there
  CHECK(v[39] == 999);
  for (std::size_t i = 40; i < v.size(); ++i) REQUIRE(std::isnan(v[i]));  // never written
  CHECK(size() < 64 * 1024);  // 32 KB of NaN padding take no space
}

TEST_CASE("hdf5: series append whole rows, truncate, and never grow by truncation",
          "[record][series]") {
  TempDir dir;
  const auto path = dir.file("s.h5");
  {
    Hdf5Writer w(path, false, {.job = "test", .seed = 1, .config_ini = ""});
    w.create_series("/s", {2}, std::vector<std::uint32_t>{}, "-", "pairs", 10);
    CHECK(w.rows("/s") == 0);
    w.append("/s", std::vector<std::uint32_t>{1, 2, 3, 4});
    w.append("/s", std::vector<std::uint32_t>{5, 6});
    CHECK(w.rows("/s") == 3);
    CHECK_THROWS_AS(w.append("/s", std::vector<std::uint32_t>{7}), std::logic_error);
    w.truncate("/s", 1);
    CHECK(w.rows("/s") == 1);
    CHECK_THROWS_WITH(w.truncate("/s", 2), Catch::Matchers::Contains("it has 1"));
    w.append("/s", std::vector<std::uint32_t>{8, 9});
    CHECK(w.read_uint64("/s") == std::vector<std::uint64_t>{1, 2, 8, 9});
    CHECK(w.exists("/s"));
    CHECK_FALSE(w.exists("/t/u"));
  }
  CHECK(read_numbers(path, "/s") == std::vector<double>{1, 2, 8, 9});
}
