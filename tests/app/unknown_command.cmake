# Runs the app with an unknown subcommand and no display (DISPLAY, WAYLAND_DISPLAY and
# QT_QPA_PLATFORM unset): it must print "unknown command" and exit 2, not abort in a platform
# plugin. Run by ctest with -DAPP=<the failover-lab binary>.
unset(ENV{DISPLAY})
unset(ENV{WAYLAND_DISPLAY})
unset(ENV{QT_QPA_PLATFORM})
execute_process(COMMAND ${APP} no-such-command
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(NOT code STREQUAL "2")
    message(FATAL_ERROR "exit code ${code}, expected 2\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT "${out}${err}" MATCHES "unknown command no-such-command")
    message(FATAL_ERROR "no \"unknown command no-such-command\" in\nstdout: ${out}\nstderr: ${err}")
endif()
message(STATUS "exit 2: ${err}")
