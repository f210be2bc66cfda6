package dev.sptegen.tools.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Element names the new spec uses for elements of the old one (REMOVED_SPTE -> FROZEN_SPTE).
 * Element names are unique per layout across kinds, so one map serves every kind.
 */
public final class Renames {
    private final Map<String, String> toNew = new LinkedHashMap<>();
    private final Map<String, String> toOld = new LinkedHashMap<>();

    void add(String oldName, String newName) {
        toNew.put(oldName, newName);
        toOld.put(newName, oldName);
    }

    /** The new spec's name for an old name (the name itself if it was not renamed). */
    public String toNew(String oldName) {
        return toNew.getOrDefault(oldName, oldName);
    }

    /** The old spec's name for a new name (the name itself if it was not renamed). */
    public String toOld(String newName) {
        return toOld.getOrDefault(newName, newName);
    }

    public boolean isRenamed(String oldName) {
        return toNew.containsKey(oldName);
    }

    /** Old name to new name, in the order the renames were found. */
    public Map<String, String> all() {
        return Collections.unmodifiableMap(toNew);
    }
}
