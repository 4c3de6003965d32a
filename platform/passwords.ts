// Passwords people choose: refuse the ones an attacker tries first. zxcvbn-ts scores a password
// against lists of common passwords, names, words and keyboard patterns; below 3 of 4 it is
// too easy to guess (e.g. "password1234", "qwertyuiop123").
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

let checker: ZxcvbnFactory | undefined;

export function isGuessablePassword(password: string): boolean {
  checker ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return checker.check(password.slice(0, 128)).score < 3;
}
