#pragma once
// Every job Kindest can run, in the order `kindest jobs` lists them.
#include <string_view>
#include <vector>

#include "engine/jobs/job.hpp"

namespace kindest::jobs {

const std::vector<const JobSpec*>& job_registry();

/// The job named `name`; throws ConfigError naming [run] job, the value and the jobs there are,
/// with a "did you mean".
const JobSpec& find_job(std::string_view name);

/// docs/JOBS.md: every job with what it reads and writes (a test keeps the file in sync).
std::string jobs_markdown();

}  // namespace kindest::jobs
