#pragma once
// Lesson text that quotes the model instead of numbers typed by hand. A placeholder is
// "{{figure}}" (a figure of the run the text belongs to: a walkthrough step's or a "try this"
// step's), "{{scenario: figure}}" (a figure of scenarios/<scenario>.json as the file stands),
// "{{step id: figure}}" (a figure of the lesson's "try this" step with that id, its actions
// applied) or "{{config: scenario}}" (that scenario's failover configuration as Markdown
// tables). The rules for authors are in lessons/LESSON_FORMAT.md, "Figures in the text".

#include "lesson.h"
#include "report.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace model {

// The runs a lesson's text can quote: the scenario files of its folder and its own "try this"
// steps, each loaded and run once, when first named.
class ScenarioRuns {
public:
    ScenarioRuns(const Lesson &lesson, FileReader read);
    // "dns-ttl-floor" names scenarios/dns-ttl-floor.json; null when it cannot be loaded.
    const Scenario *scenario(const std::string &name);
    const Report *report(const std::string &name);
    // The run of the lesson's step with this id; null for an unknown id or a step that fails.
    const Report *step(const std::string &id);

private:
    struct Entry {
        Scenario scenario;
        Report report;
    };
    const Entry *entry(const std::string &name);

    Lesson lesson_;
    FileReader read_;
    std::map<std::string, std::optional<Entry>> entries_;
    std::map<std::string, std::optional<Report>> steps_;
};

// Fills every placeholder of `text`: "{{figure}}" from `own` (with no run of its own, the text
// cannot quote one), the others from `runs`. Names ending in "_s" and first.<kind> read as
// durations ("16.8 s", "4 min 56 s"), availability and error_budget_used as percentages,
// cost_multiplier with two decimals, counts and sums from 1,000 up as whole numbers with grouped
// digits, the rest with three significant digits. A placeholder that cannot be filled (an unknown
// scenario or figure, or a figure that is null in that run) reads "n/a", and what it held goes to
// *missing.
std::string fill_text(const std::string &text, ScenarioRuns &runs, const Report *own,
                      std::vector<std::string> *missing = nullptr);

// The same for text that quotes one run only (walkthrough captions and notes).
std::string fill_figures(const std::string &text, const Report &report,
                         std::vector<std::string> *missing = nullptr);

// Fills, in place, the text a lesson shows whatever the learner runs: the body, each step's
// instruction, the takeaways, the glossary definitions and the interview notes. They quote
// scenarios and steps by name; a bare "{{figure}}" there reads "n/a".
void fill_lesson_text(Lesson &lesson, const FileReader &read = disk_reader());

// What a "try this" step shows after it ran: `show` filled from the step's own run and from the
// lesson's scenarios and other steps.
std::string fill_show(const TryThis &step, const Report &step_run, ScenarioRuns &runs,
                      std::vector<std::string> *missing = nullptr);
std::string fill_show(const Lesson &lesson, const TryThis &step, const Report &step_run,
                      const FileReader &read = disk_reader());

// Every placeholder of the lesson-level text that cannot be filled, with the JSON path of the
// field that holds it ("/interview/strong_answer/2"; "/body_file" for the body).
Problems lesson_text_problems(const Lesson &lesson, ScenarioRuns &runs);

} // namespace model
