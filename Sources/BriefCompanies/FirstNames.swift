/// Common first names, to tell "Michael Dell" and "Harrison Ford" (people) from "Dell" and "Ford" (companies)
/// even at the start of a sentence, where every word is capitalised.
enum FirstNames {
    static let all: Set<String> = [
        "Aaron", "Adam", "Adrian", "Ahmed", "Aisha", "Alan", "Albert", "Alex", "Alexander", "Alice", "Amanda", "Amy",
        "Andrew",
        "Andy", "Angela", "Ann", "Anna", "Anne", "Anthony", "Arnold", "Barbara", "Ben", "Benjamin", "Bernard", "Betty",
        "Bill",
        "Bob", "Brad", "Brian", "Bruce", "Carl", "Carlos", "Carol", "Catherine", "Charles", "Charlie", "Chris",
        "Christian",
        "Christina", "Christopher", "Claire", "Craig", "Daniel", "Dara", "David", "Deborah", "Dennis", "Diana",
        "Donald", "Doug",
        "Douglas", "Edward", "Elena", "Elizabeth", "Elon", "Emily", "Emma", "Eric", "Frank", "Gary", "George", "Gerald",
        "Grace",
        "Greg", "Gregory", "Hannah", "Harold", "Harrison", "Harry", "Helen", "Henry", "Howard", "Ian", "Jack", "Jacob",
        "James",
        "Jamie", "Jane", "Janet", "Jason", "Jeff", "Jeffrey", "Jennifer", "Jensen", "Jeremy", "Jessica", "Jim", "Joe",
        "John",
        "Jonathan", "Jose", "Joseph", "Joshua", "Julia", "Julie", "Justin", "Karen", "Kate", "Katherine", "Kathleen",
        "Kelly",
        "Ken", "Kenneth", "Kevin", "Kim", "Larry", "Laura", "Lee", "Linda", "Lisa", "Lucy", "Marc", "Margaret", "Maria",
        "Marie",
        "Mark", "Martin", "Mary", "Matthew", "Melissa", "Michael", "Michelle", "Mike", "Nancy", "Nicholas", "Nicole",
        "Oliver",
        "Pamela", "Patricia", "Patrick", "Paul", "Peter", "Philip", "Rachel", "Ralph", "Rebecca", "Richard", "Rob",
        "Robert",
        "Roger", "Ronald", "Rose", "Ruth", "Ryan", "Sam", "Samuel", "Sandra", "Sarah", "Satya", "Scott", "Sean",
        "Sharon",
        "Sophie", "Stephanie", "Stephen", "Steve", "Steven", "Sundar", "Susan", "Thomas", "Tim", "Timothy", "Tom",
        "Tony",
        "Victoria", "Walter", "Wayne", "William", "Zoe",
    ]
}
