// The control channel's commands: strict validation of one JSON request and its reply.
#pragma once

#include <string>

namespace evse::sim {

class Simulation;

// Runs one request line and returns the reply object as one line of JSON (no newline). Never
// throws: every bad request gives {"ok":false,"error":...}.
std::string run_control_command(Simulation& sim, const std::string& line);

}  // namespace evse::sim
