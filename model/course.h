#pragma once
// The course: the chapters in the order a learner takes them, as loaded from lesson files.

#include "lesson_loader.h"

#include <string>
#include <vector>

namespace model {

// The chapters, ordered by their `order` field (chapters with the same order keep the order
// they were loaded in). Chapter ids are the keys progress is stored under.
class Course {
public:
    Course() = default;
    explicit Course(std::vector<Lesson> chapters);

    const std::vector<Lesson> &chapters() const { return chapters_; }
    std::size_t size() const { return chapters_.size(); }
    bool empty() const { return chapters_.empty(); }
    // The chapter with this id, or null.
    const Lesson *find(const std::string &id) const;

private:
    std::vector<Lesson> chapters_;
};

// Reads every lesson file of `paths` (in that order) into a course. A file with problems is
// left out and its problems are returned; so is a chapter whose id an earlier one already has
// (its progress would be mixed with the other's).
struct CourseLoad {
    Course course;
    Problems problems;
};
CourseLoad load_course(const std::vector<std::string> &paths,
                       const FileReader &read = disk_reader());

} // namespace model
