#include "course.h"

#include "find.h"

#include <algorithm>

namespace model {

Course::Course(std::vector<Lesson> chapters) : chapters_(std::move(chapters)) {
    std::stable_sort(chapters_.begin(), chapters_.end(),
                     [](const Lesson &a, const Lesson &b) { return a.order < b.order; });
}

const Lesson *Course::find(const std::string &id) const {
    return find_by_id(chapters_, id);
}

CourseLoad load_course(const std::vector<std::string> &paths, const FileReader &read) {
    CourseLoad out;
    std::vector<Lesson> chapters;
    for (const std::string &path : paths) {
        LessonLoad load = load_lesson_file(path, read);
        out.problems.insert(out.problems.end(), load.problems.begin(), load.problems.end());
        if (!load.lesson)
            continue;
        if (const Lesson *first = find_by_id(chapters, load.lesson->id)) {
            out.problems.push_back({path, "/id",
                                    "the chapter id \"" + load.lesson->id + "\" is taken by " +
                                        first->file + "; progress is kept by chapter id"});
            continue;
        }
        chapters.push_back(std::move(*load.lesson));
    }
    out.course = Course(std::move(chapters));
    return out;
}

} // namespace model
