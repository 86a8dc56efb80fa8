package storefront;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout of the house, as README.md's package map draws it: features
 * depend downward only (on the shared packages and on other features'
 * services, never on their repositories), no package cycle, and the decision
 * classes stay free of any framework so that they are tested as tables.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("storefront");

    /** Below every feature: they never depend on a feature. */
    private static final String[] SHARED = {"storefront.common..", "storefront.edge..", "storefront.audit..",
            "storefront.availability..", "storefront.events.."};

    /** The decisions that need no I/O. */
    private static final List<String> PURE = List.of(
            "storefront.availability.AvailabilityPolicy",
            "storefront.availability.RegionRules",
            "storefront.cart.Totals",
            "storefront.order.OrderStateMachine",
            "storefront.stores.StoreRules",
            "storefront.sellers.SellerChecks",
            "storefront.flashsale.AddressKey",
            "storefront.flashsale.ClaimRules",
            "storefront.fulfilment.Allocation",
            "storefront.fulfilment.FulfilmentMachine",
            "storefront.aftersale.ReturnRefunds",
            "storefront.aftersale.Timeline",
            "storefront.catalog.SpecDisplay");

    private static final String[] FRAMEWORKS = {"io.quarkus..", "io.vertx..", "io.smallrye..", "jakarta..",
            "org.hibernate..", "org.eclipse..", "com.fasterxml..", "com.stripe..", "io.netty..", "org.jboss.."};

    @Test
    void noPackageDependsOnAnotherInACycle() {
        slices().matching("storefront.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void sharedPackagesNeverDependOnAFeature() {
        noClasses().that().resideInAnyPackage(SHARED)
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("storefront..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(SHARED))))
                .check(MAIN);
    }

    @Test
    void aFeatureReachesAnotherThroughItsServicesNeverItsRepositories() {
        classes().that(new DescribedPredicate<JavaClass>("are repositories or their types") {
            @Override
            public boolean test(JavaClass type) {
                return topLevel(type).getSimpleName().endsWith("Repository");
            }
        }).should(beUsedOnlyInTheirOwnPackage()).check(MAIN);
    }

    @Test
    void decisionClassesUseNoFramework() {
        noClasses().that(new DescribedPredicate<JavaClass>("are decision classes") {
            @Override
            public boolean test(JavaClass type) {
                return PURE.contains(topLevel(type).getName());
            }
        }).should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS).check(MAIN);
    }

    @Test
    void everyDecisionClassNamedHereExists() {
        for (String name : PURE) {
            MAIN.get(name);
        }
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass top = type;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency use : type.getDirectDependenciesToSelf()) {
                    if (!use.getOriginClass().getPackageName().equals(type.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                    }
                }
            }
        };
    }
}
