#pragma once
// Every job Kindest can run, in the order `kindest jobs` lists them.
#include <string_view>
#include <vector>

#include "engine/jobs/job.hpp"

namespace kindest::jobs {

const std::vector<const JobSpec*>& job_registry();

/// The job named `name`; throws ConfigError naming [run] job, the value and the jobs there are,
/// with a "did you mean", and `where` the value came from when given ("in x.ini").
const JobSpec& find_job(std::string_view name, std::string_view where = {});

/// The job a config's [run] job names. The schema leaves that key's value to the registry
/// (config::ValueType::job), so the job names live here and in the jobs' own files only.
const JobSpec& job_of(const config::Config& c);

/// docs/JOBS.md: every job with what it reads and writes (a test keeps the file in sync).
std::string jobs_markdown();

}  // namespace kindest::jobs
