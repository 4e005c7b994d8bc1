#include "progress.h"

#include "json_reader.h"
#include "limits.h"

namespace model {

const ChapterProgress &Progress::chapter(const std::string &lesson_id) const {
    static const ChapterProgress blank;
    const auto it = chapters_.find(lesson_id);
    return it == chapters_.end() ? blank : it->second;
}

bool Progress::mark_read(const std::string &lesson_id) {
    ChapterProgress &c = chapters_[lesson_id];
    const bool changed = !c.read;
    c.read = true;
    return changed;
}

bool Progress::mark_tried(const std::string &lesson_id, const std::string &step_id) {
    return chapters_[lesson_id].try_this_done.insert(step_id).second;
}

bool Progress::mark_answered(const std::string &lesson_id, const std::string &question_id,
                             bool right) {
    auto &quiz = chapters_[lesson_id].quiz;
    const auto it = quiz.find(question_id);
    if (it != quiz.end() && it->second == right)
        return false;
    quiz[question_id] = right;
    return true;
}

bool Progress::mark_predicted(const std::string &lesson_id, const std::string &step_id,
                              bool right) {
    return chapters_[lesson_id].predictions.emplace(step_id, right).second;
}

int ChapterProgress::quiz_right() const {
    int n = 0;
    for (const auto &[id, right] : quiz)
        n += right ? 1 : 0;
    return n;
}

int steps_done(const Lesson &lesson, const ChapterProgress &progress) {
    int done = 0;
    // A step with a prediction counts once it was predicted, right or wrong, and run.
    for (const TryThis &t : lesson.try_this)
        done += progress.tried(t.id) && (!t.predict || progress.predictions.count(t.id)) ? 1 : 0;
    return done;
}

bool chapter_complete(const Lesson &lesson, const ChapterProgress &progress) {
    if (lesson.completion.read && !progress.read)
        return false;
    const int done = steps_done(lesson, progress);
    switch (lesson.completion.steps) {
    case CompletionRule::Steps::all:
        return done == static_cast<int>(lesson.try_this.size());
    case CompletionRule::Steps::any:
        return lesson.try_this.empty() || done > 0;
    case CompletionRule::Steps::at_least:
        return done >= lesson.completion.at_least;
    }
    return false;
}

ChapterState chapter_state(const Lesson &lesson, const ChapterProgress &progress) {
    if (chapter_complete(lesson, progress))
        return ChapterState::complete;
    if (progress.read || steps_done(lesson, progress) > 0)
        return ChapterState::started;
    return ChapterState::not_started;
}

CourseProgress course_progress(const Course &course, const Progress &progress) {
    CourseProgress out;
    out.chapters = static_cast<int>(course.size());
    for (const Lesson &l : course.chapters())
        out.complete += chapter_complete(l, progress.chapter(l.id)) ? 1 : 0;
    return out;
}

std::string write_progress(const Progress &progress) {
    Json lessons = Json::object();
    for (const auto &[id, c] : progress.chapters()) {
        lessons[id] = {{"read", c.read}, {"try_this", c.try_this_done}};
        if (!c.quiz.empty())
            lessons[id]["quiz"] = c.quiz;
        if (!c.predictions.empty())
            lessons[id]["predictions"] = c.predictions;
    }
    const Json root{
        {"format", kProgressFormat}, {"version", kProgressVersion}, {"lessons", lessons}};
    return root.dump(4) + "\n";
}

ProgressLoad parse_progress(const std::string &text, const std::string &file) {
    ProgressLoad out;
    if (text.size() > limits::kProgressBytes) {
        out.problems.push_back({file, "",
                                "the file is " + std::to_string(text.size()) +
                                    " bytes; a progress file is at most " +
                                    std::to_string(limits::kProgressBytes) + " bytes"});
        return out;
    }
    const std::optional<Json> json = parse_json_text(text, file, out.problems);
    if (!json)
        return out;
    const auto fail = [&](const std::string &where, const std::string &message) {
        out.problems.push_back({file, where, message});
        return out;
    };
    if (!json->is_object() || json->value("format", Json()) != kProgressFormat)
        return fail("/format", "expected \"" + std::string(kProgressFormat) + "\"");
    const Json version = json->value("version", Json(kProgressVersion));
    if (!version.is_number_integer() || version.get<long long>() < 1)
        return fail("/version", "expected a whole number from 1");
    if (version.get<long long>() > kProgressVersion)
        out.newer_version = version.get<long long>();
    Progress progress;
    const Json lessons = json->value("lessons", Json::object());
    if (!lessons.is_object())
        return fail("/lessons", "expected an object of chapter ids");
    for (const auto &[id, entry] : lessons.items()) {
        const std::string at = "/lessons/" + json_pointer_token(id);
        const Json read = entry.is_object() ? entry.value("read", Json(false)) : Json();
        const Json steps = entry.is_object() ? entry.value("try_this", Json::array()) : Json();
        if (!read.is_boolean() || !steps.is_array())
            return fail(at, "expected {\"read\": true or false, \"try_this\": [step ids]}");
        if (read.get<bool>())
            progress.mark_read(id);
        for (const Json &step : steps) {
            if (!step.is_string())
                return fail(at + "/try_this", "expected a list of step ids");
            progress.mark_tried(id, step.get<std::string>());
        }
        const Json quiz = entry.is_object() ? entry.value("quiz", Json::object()) : Json();
        if (!quiz.is_object())
            return fail(at + "/quiz", "expected {question id: true or false}");
        for (const auto &[question, right] : quiz.items()) {
            if (!right.is_boolean())
                return fail(at + "/quiz/" + json_pointer_token(question), "expected true or false");
            progress.mark_answered(id, question, right.get<bool>());
        }
        const Json predicted =
            entry.is_object() ? entry.value("predictions", Json::object()) : Json();
        if (!predicted.is_object())
            return fail(at + "/predictions", "expected {step id: true or false}");
        for (const auto &[step, right] : predicted.items()) {
            if (!right.is_boolean())
                return fail(at + "/predictions/" + json_pointer_token(step),
                            "expected true or false");
            progress.mark_predicted(id, step, right.get<bool>());
        }
    }
    out.progress = std::move(progress);
    return out;
}

} // namespace model
