#pragma once
// A finished row as bytes, for the MPI message that carries it from the rank that ran it to rank
// 0, which alone writes the sweep file. Only what SweepFile::add reads travels: the row's fields
// and its job's stored summary tables (names, row labels, measures, values); numbers travel as
// their bytes, so rank 0 writes exactly what the other rank computed.
#include <string>
#include <string_view>

#include "engine/sweep/sweep_file.hpp"

namespace kindest::sweep {

std::string encode_row(const PointRow& row);
/// Throws FileError for bytes that encode_row did not make.
PointRow decode_row(std::string_view bytes);

}  // namespace kindest::sweep
