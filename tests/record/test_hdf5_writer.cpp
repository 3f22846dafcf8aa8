#include <catch2/catch.hpp>

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
