#pragma once
// Every limit the readers, the checks and the engine put on what a file may ask for, in one
// place. Files come from strangers: each size the formats accept must load and run in bounded
// time and memory, or be refused up front with a message saying what to change.
//
// How the numbers were chosen: each is far above what any built-in scenario, lesson or quiz
// uses (the largest built-in scenario has 3 regions, 3 app tiers, 3 health checks, 3 DNS names
// of 3 records, 4 populations and 4 faults, and runs 172,800 steps), yet small enough that the
// worst file they accept loads in well under a second and runs in a few seconds and a few
// hundred MB (the measured figures are in the README). Documented for authors in
// model/SCENARIO_FORMAT.md ("Limits") and lessons/LESSON_FORMAT.md ("Limits").

#include <cstddef>
#include <cstdint>

namespace model::limits {

// --- Files and their text -----------------------------------------------------------------

// A scenario file: the largest built-in one is 5 KB; 8 MiB holds any hand-made deployment
// many times over and parses in well under a second.
constexpr std::size_t kScenarioBytes = std::size_t{8} * 1024 * 1024;
// A lesson or quiz file (its Markdown body and scenarios have their own limits): the longest
// built-in chapter file is 17 KB.
constexpr std::size_t kLessonBytes = std::size_t{4} * 1024 * 1024;
// A chapter's Markdown body.
constexpr std::size_t kLessonBodyBytes = std::size_t{4} * 1024 * 1024;
// A learner's progress file: a few hundred bytes per chapter.
constexpr std::size_t kProgressBytes = std::size_t{4} * 1024 * 1024;
// How deeply arrays and objects may nest. Real files nest 6 deep (a scenario's
// accelerators/groups/endpoints, a lesson's try_this/actions/set/value); a deeper file is
// refused before it is parsed, so that no recursive copy or destructor can exhaust the stack.
constexpr int kJsonDepth = 64;
// Problems kept for one file; the rest are counted in one last "... and N more problems" entry.
// A hundred messages are more than anyone reads, and a file with four million wrong entries
// must not print 1.3 GB.
constexpr std::size_t kProblemsPerFile = 100;
// Entries in any one array of objects or strings.
constexpr std::size_t kListEntries = 10000;
// One text field.
constexpr std::size_t kTextChars = 100000;

// --- A scenario's components (checked whenever a scenario loads or is edited) ---------------

constexpr std::size_t kRegions = 32;       // AWS has about 30 regions
constexpr int kAzsPerRegion = 6;           // the field's own range; no region has more
constexpr std::size_t kAppTiers = 256;     // tiers x populations bound the series (below)
constexpr std::size_t kDataStores = 256;   // each tier's dependencies are checked per event
constexpr std::size_t kDatabases = 64;     // each has per-step replication lag series
constexpr std::size_t kReplicas = 32;      // instances of one database: one per region
constexpr std::size_t kHealthChecks = 256; // Route 53 checks; each has 3 to 64 checkers
constexpr std::size_t kDnsNames = 128;
constexpr std::size_t kDnsRecords = 1024; // all DNS names' records together
// Alias records may point at names whose records are aliases again; the longest chain from
// a name down to an app tier. Real record trees are one or two levels deep.
constexpr int kAliasDepth = 8;
constexpr std::size_t kAccelerators = 16;
constexpr std::size_t kAcceleratorEndpoints = 256; // all accelerators' endpoints together
constexpr std::size_t kPopulations = 128;
constexpr std::size_t kFaults = 256;
constexpr std::size_t kRttOverrides = 512; // one per pair of 32 regions
constexpr std::size_t kRefsPerList = 64;   // depends_on, replicas, writers, checker regions...

// --- Work of one run (checked before a run allocates anything) -------------------------------

// The per-step series a run records: for each population, its requests and failures per app
// tier (and the "no answer" slot) plus six totals; one cell per step each. 40 million cells
// are 160 MB of 32-bit counters: a 24-hour run at 1 s steps with 2 populations and 100 tiers
// (36 million values: 2.7 s, 157 MB resident), or 7 hours at 1 s steps with 128 populations
// and 2 tiers (38 million: 7 s, 260 MB, the slowest shape). The largest built-in scenario
// records 2 million.
constexpr std::uint64_t kSeriesCells = 40'000'000;
// Health-check probes of a run if every checker probed at every interval (as checkers do
// during a partial brownout of a deep check): each is an event, and 20 million took 6.6 s, so
// 10 million (256 deep checks of 15 checkers probing every 10 s for 7 hours) take about 3 s.
constexpr std::uint64_t kProbes = 10'000'000;

// --- Lessons and quizzes -----------------------------------------------------------------

// Scenarios a lesson names, and its "try this" steps: each is loaded and run when the lesson
// is checked. The largest built-in chapter names 4 scenarios and has 6 steps.
constexpr std::size_t kLessonScenarios = 32;
constexpr std::size_t kTryThisSteps = 64;
constexpr std::size_t kWalkthroughs = 32;
constexpr std::size_t kWalkSteps = 128; // steps of one walkthrough
constexpr std::size_t kActions = 64;    // actions of one step

} // namespace model::limits
